"""Facts from the 2024 realisation report of operational goals (seeds/002)."""

from __future__ import annotations

import pytest

from sivistys_cli.model import MeasureKind, OutcomeStatus

PID = "toiminnalliset-tavoitteet-2024"


@pytest.fixture(scope="module")
def program(bundled):
    return bundled[PID].program


@pytest.fixture(scope="module")
def outcomes(bundled):
    return {o.ref: o for o in bundled[PID].outcomes[2024].outcomes}


def _actions(program):
    return [a for t in program.themes for g in t.goals for a in g.actions]


def _measures(program):
    return {m.id: m for a in _actions(program) for m in a.measures}


def test_unnamed_municipality_and_period(program):
    assert program.organization == "Kunta (ei nimetty lähdeasiakirjassa)"
    assert (program.period.start, program.period.end) == (2024, 2024)
    assert "ei nimetä" in program.source.note
    assert "päätelty" in program.source.note


def test_legend_is_not_content(program, bundled):
    # the traffic-light legend maps to statuses; it is only mentioned in source.note
    assert "Vihreä = toteutunut" in program.source.note
    assert bundled[PID].outcomes[2024].summary is None
    assert all("Vihreä" not in (o.comment or "") for o in bundled[PID].outcomes[2024].outcomes)


def test_three_level_tree(program):
    assert program.labels.theme == "Strategiakärki"
    assert program.labels.goal == "Toiminnallinen tavoite"
    assert program.labels.action == "Teko"
    assert [t.title for t in program.themes] == [
        "Laadukkaat sivistys- ja hyvinvointipalvelut",
        "Ennaltaehkäisevät hyvinvointipalvelut",
        "Hyvät harrastusmahdollisuudet ja viihtyisä ympäristö",
        "Osallistava päätöksenteko ja kehittyvä organisaatio",
    ]
    assert [len(t.goals) for t in program.themes] == [1, 1, 1, 2]
    assert len(_actions(program)) == 8
    hk = program.themes[3].goals[0]
    assert hk.title == "Hyvinvointikertomustyön uudistaminen ja vaikuttavuuden vahvistaminen"
    assert len(hk.actions) == 3


def test_hyphenation_repaired(program):
    act = program.themes[3].goals[0].actions[2]
    assert "toimintatapoja osaksi hyvinvointikertomustyötä" in act.title


def test_measures_on_actions(program):
    measures = _measures(program)
    assert len(measures) == 9
    assert sum(m.kind is MeasureKind.yes_no for m in measures.values()) == 8
    assert measures["periaatteet-valmiit"].targets[0].value is True
    change = measures["liikuntaryhmien-osallistujamaara"]
    assert change.kind is MeasureKind.change and change.compare_to_year == 2023
    assert change.targets == ()
    # one cell with two "kyllä/ei" measures became two measures
    youth = program.themes[3].goals[1].actions[0]
    assert [m.id for m in youth.measures] == ["kesakysely-tehty", "kyselyn-tulos-huomioitu"]


def test_every_act_has_an_outcome(program, outcomes):
    assert {a.id for a in _actions(program)} <= set(outcomes)
    known = {a.id for a in _actions(program)} | set(_measures(program))
    assert set(outcomes) <= known


def test_library_bus_commentary(outcomes):
    comment = outcomes["hakeutuvat-kirjastopalvelut"].comment
    assert "Kirjastoauto osallistui useisiin tapahtumiin ja tavoitti niissä 1331 asiakasta." in comment
    assert "käyntejä 13 kertaa yhteensä 54 henkeä" in comment
    assert "Maahanmuuttajailtaan osallistui 5 henkilöä." in comment


def test_summer_season_numbers(outcomes):
    comment = outcomes["ohjattu-toiminta-toukoheinakuussa"].comment
    for fact in ("(29.4.-14.6.)", "21 (+8 virtuaalia)", "1466", "469 viidessä ryhmässä", "3043",
                 "noin 400 enemmän kuin kesällä 2023", "lähes 4000"):
        assert fact in comment


def test_statuses(outcomes):
    assert outcomes["suunnitelmatyon-yhtenaistaminen"].status is OutcomeStatus.achieved
    assert outcomes["osallisuus-ja-tiedolla-johtaminen"].status is OutcomeStatus.partly
    assert outcomes["osallisuus-ja-tiedolla-johtaminen"].comment.startswith("Osittain, sillä")
    assert outcomes["hyvinvointikertomuksen-paivitys"].comment == "Käynnistyi vuonna 2024."
    assert not any(o.status is OutcomeStatus.not_achieved for o in outcomes.values())


def test_measure_values_where_stated(outcomes):
    assert outcomes["vertaisohjaajien-maara-kasvanut"].value is True
    assert outcomes["periaatteet-valmiit"].value is True
    assert "suunnitelmat-paivitetty" not in outcomes
    assert "Vertaisohjaajien määrä on noussut neljällä." in outcomes["vertaisohjaajatoiminta"].comment
    assert "Parkkirundi" in outcomes["kuntalaisten-toiveet-ja-resurssit"].comment


def test_column_headings_are_kept_as_labels(bundled) -> None:
    labels = bundled["toiminnalliset-tavoitteet-2024"].program.labels
    assert (labels.theme, labels.goal, labels.action) == ("Strategiakärki", "Toiminnallinen tavoite", "Teko")
    assert (labels.target, labels.outcome, labels.comment) == (
        "Mittarin tavoitetaso", "Toteutuma (toteutumisaste)", "Komentointi")
