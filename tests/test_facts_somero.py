"""Facts from Somero's Sivistysohjelma 2025–2030 (seeds/000) as encoded in programs/."""

from __future__ import annotations

import pytest

from sivistys_cli.model import MeasureKind, ProgramStatus

PID = "somero-sivistysohjelma"


@pytest.fixture(scope="module")
def program(bundled):
    return bundled[PID].program


def _theme(program, theme_id):
    return next(t for t in program.themes if t.id == theme_id)


def test_identity_and_period(program):
    assert program.organization == "Someron kaupunki"
    assert (program.period.start, program.period.end) == (2025, 2030)
    assert program.slogan == "Sujuva Somero"
    assert program.subtitle == "Sujuvan sivistystyön suunnannäyttäjä"
    # the document does not say the program was approved
    assert program.status is ProgramStatus.draft
    assert "hyväksy" in program.source.note


def test_labels(program):
    assert program.labels.theme == "Kriittinen menestystekijä"
    assert program.labels.action == "Toimenpide-esimerkki"


def test_background_documents(program):
    docs = program.background_documents
    assert len(docs) == 17
    assert (docs[0].title, docs[0].publisher) == ("Kansallinen lapsistrategia", "Valtioneuvosto")
    assert (docs[6].title, docs[6].publisher) == ("Tulevaisuuden skenaariot", "Business Finland")
    assert sum(1 for d in docs if d.publisher == "Sitra") == 2
    assert docs[-1].title == "Nuorisopalveluiden kehittämissuunnitelma"
    assert docs[-1].publisher is None


def test_participation_phases(program):
    phases = program.participation.phases
    assert [p.title for p in phases] == ["Nykytila", "Skenaariot", "Visio ja tavoitteet", "Toimenpiteet"]
    assert phases[0].description == "Yhteiskehittämisilta sidosryhmille"
    assert phases[2].description == "Kuntalaisten ajatusten ja ideoiden keruu"


def test_vision_and_value_promise(program):
    assert program.vision.startswith("Someron sivistyspalvelut ovat tunnetusti Suomen sujuvimmat")
    assert program.vision.endswith("yksilölliset, osallistavat ja laadukkaat.")
    assert "valtaosa on lapsiperheitä" in program.vision_description
    assert "lapsiystävällisen kunnan" in program.vision_description
    assert program.value_promise.startswith("Sujuva Somero on lupaus joustavasta")


def test_four_themes_with_goals_actions_measures(program):
    assert [t.title for t in program.themes] == [
        "Asiakaskokemus ja -lähtöisyys",
        "Yhteistyö ja osallistaminen",
        "Digitaalisuus ja teknologia",
        "Viestintä ja markkinointi",
    ]
    assert [len(t.goals) for t in program.themes] == [4, 2, 3, 4]
    assert [len(t.actions) for t in program.themes] == [2, 2, 2, 3]
    assert [len(t.measures) for t in program.themes] == [2, 4, 2, 2]


def test_measures_split_by_indicator_with_purpose(program):
    m = _theme(program, "asiakaskokemus").measures
    assert [x.title for x in m] == ["Asiakaspalautteet", "asiointien määrät"]
    assert {x.purpose for x in m} == {"Palveluiden sujuvuuden kehittäminen"}
    assert m[0].kind is MeasureKind.qualitative and m[1].kind is MeasureKind.count
    osallisuus = [x for x in _theme(program, "yhteistyo").measures
                  if x.purpose == "Kuntalaisten osallisuuden lisääminen"]
    assert [x.title for x in osallisuus] == ["Osallistamiskertojen määrä", "osallistujapalautteet", "kuntalaiskyselyt"]


def test_growth_measure_is_change(program):
    kasvu = _theme(program, "viestinta").measures[0]
    assert kasvu.title == "Some-seuraajien ja verkkosivukäyttäjien kasvu"
    assert kasvu.kind is MeasureKind.change
    assert _theme(program, "viestinta").measures[1].title == "Kuntaan muuttaneiden lapsiperheiden määrä"


def test_no_invented_targets(program):
    for theme in program.themes:
        for m in theme.measures:
            assert m.targets == () and m.baseline is None and m.data_source is None


def test_brand_action(program):
    last = _theme(program, "viestinta").actions[-1]
    assert last.title.startswith("Sujuva Somero -brändin rakentaminen ja markkinointikampanja")


def test_sections(program):
    by_id = {s.id: s for s in program.sections}
    tulokset = by_id["tyopajojen-tulokset"].body
    for n in ("01 palveluiden sujuvuus", "02 yhteistyön", "03 digitalisaation", "04 sisäisen"):
        assert n in tulokset
    assert "julkisen liikenteen roolia" in tulokset
    ylpea = by_id["lisaksi-kysyimme"]
    assert "Mistä olet Somerossa ylpeä?" in ylpea.body
    assert len(ylpea.items) == 34 and "uimahalli" in ylpea.items and "pieni kaupunki" in ylpea.items
    assert by_id["yllattavan-sujuvaa"].title == "Yllättävän sujuvaa!"
    assert "Miten päiväsi sujui?" in by_id["yllattavan-sujuvaa"].items
    # The last page's two lines are the colophon, not chapters.
    assert program.colophon == ("Ohjelman teossa on hyödynnetty tekoälyä.", "BRÄNDI Verstas")
    assert list(by_id)[-1] == "yllattavan-sujuvaa"


def test_ids_unique_across_kinds(program):
    ids = []
    for t in program.themes:
        ids += [t.id] + [g.id for g in t.goals] + [a.id for a in t.actions] + [m.id for m in t.measures]
    assert len(ids) == len(set(ids)) == 4 + 13 + 9 + 10
