"""Facts of Lohja's Lasten, nuorten ja perheiden palvelualueen kehittämisohjelma 2018–2025
(seed 001): a cascade city strategy -> Hyvinvoinnin toimiala -> palvelualue."""

from __future__ import annotations

import pytest

from sivistys_cli.model import ref_of


def refs(links) -> tuple[str, ...]:
    """Cascade links as plain references (the action-level links are marked interpreted)."""
    return tuple(ref_of(link) for link in links)

CITY = "lohja-kaupunkistrategia"
SECTOR = "lohja-hyvinvoinnin-toimiala"
LANUPE = "lohja-lanupe-kehittamisohjelma"
KARJET = ["elinvoimainen-lohja", "hyvinvoiva-lohja", "asukkaiden-lohja"]


def _items(program):
    """Every theme, goal and action by id, with the id of the theme it sits under."""
    out = {}
    for theme in program.themes:
        out[theme.id] = (theme, theme.id)
        for goal in theme.goals:
            out[goal.id] = (goal, theme.id)
        for action in theme.actions:
            out[action.id] = (action, theme.id)
    return out


@pytest.fixture(scope="module")
def progs(bundled):
    return {pid: bundled[pid].program for pid in (CITY, SECTOR, LANUPE)}


def _resolve(progs, ref):
    pid, item = ref.split(":")
    return _items(progs[pid])[item]


def test_levels_and_program_links(progs):
    assert progs[CITY].level == "kaupunki"
    assert progs[SECTOR].level == "toimiala"
    assert progs[LANUPE].level == "palvelualue"
    assert progs[SECTOR].implements == (CITY,)
    assert progs[LANUPE].implements == (SECTOR,)
    for p in progs.values():
        assert (p.period.start, p.period.end) == (2018, 2025)
        assert p.organization == "Lohjan kaupunki"


def test_three_spearheads_mirrored(progs):
    assert [t.id for t in progs[CITY].themes] == KARJET
    assert [t.title for t in progs[CITY].themes] == ["Elinvoimainen Lohja", "Hyvinvoiva Lohja", "Asukkaiden Lohja"]
    assert progs[CITY].labels.theme == "Kärki"
    for pid in (SECTOR, LANUPE):
        assert [t.id for t in progs[pid].themes] == KARJET
        for theme in progs[pid].themes:
            assert theme.implements == (f"{CITY}:{theme.id}",)


def test_city_counts_per_spearhead(progs):
    counts = [(len(t.goals), len(t.actions)) for t in progs[CITY].themes]
    assert counts == [(7, 6), (5, 7), (6, 4)]


def test_city_goal_texts(progs):
    items = _items(progs[CITY])
    assert items["asukasluku-kasvaa"][0].title == "asukasluku kasvaa 1 % vuodessa"
    assert items["vuosikate"][0].title == "kaupungin vuosikate on 400 euroa per asukas"
    # hyphenation repaired across the table cell
    assert items["sisailmaongelmat"][0].title == "sisäilmaongelmat ratkaistaan ja ennaltaehkäistään"
    assert items["henkiloston-hyvinvointi"][0].title == "henkilöstön hyvinvoinnista huolehditaan"


def test_sector_and_service_area_counts(progs):
    assert [len(t.actions) for t in progs[SECTOR].themes] == [2, 18, 3]
    assert [len(t.actions) for t in progs[LANUPE].themes] == [2, 27, 3]


def test_every_sector_action_implements_city_item_of_same_spearhead(progs):
    for theme in progs[SECTOR].themes:
        for action in theme.actions:
            assert refs(action.implements), action.id
            for ref in refs(action.implements):
                assert ref.startswith(CITY + ":")
                item, theme_id = _resolve(progs, ref)
                assert theme_id == theme.id, (action.id, ref)


def test_every_service_area_action_cascades_to_city(progs):
    for theme in progs[LANUPE].themes:
        for action in theme.actions:
            assert refs(action.implements), action.id
            for ref in refs(action.implements):
                assert ref.startswith(SECTOR + ":")
                sector_action, sector_theme = _resolve(progs, ref)
                assert sector_theme == theme.id
                for city_ref in refs(sector_action.implements):
                    _, city_theme = _resolve(progs, city_ref)
                    assert city_theme == theme.id


def test_school_transport_cascade(progs):
    lanupe = _items(progs[LANUPE])["koulukyytien-vapaapaikat"][0]
    assert refs(lanupe.implements) == (f"{SECTOR}:kuljetusten-yhteiskaytto",)
    sector = _items(progs[SECTOR])["kuljetusten-yhteiskaytto"][0]
    assert f"{CITY}:kulkemismahdollisuudet-ja-tunnin-juna" in refs(sector.implements)
    assert len(sector.tasks) == 2
    assert sector.tasks[0].title.startswith("otamme käyttöön koulukyytien vapaapaikkojen")


def test_child_impact_assessment_cascade(progs):
    lanupe = _items(progs[LANUPE])["ennakkovaikutusten-arviointimalli"][0]
    assert [t.title for t in lanupe.tasks] == ["määritellään mihin päätöksiin käytetään", "yhteiset arviointitavat"]
    sector = _resolve(progs, refs(lanupe.implements)[0])[0]
    assert refs(sector.implements) == (f"{CITY}:lapsivaikutusten-arviointi",)


def test_split_cells_joined(progs):
    sector = _items(progs[SECTOR])
    assert sector["hyvinvoinnin-vuosikello"][0].title == (
        "Rakennamme asukkaiden hyvinvoinnin ja terveyden näkökulmasta keskeisten tapahtumien vuosikellon"
    )
    assert sector["tilojen-kaytto"][0].tasks[0].title == "otamme käyttöön sähköisen varausjärjestelmän"
    assert len(sector["henkilostoresurssit-ja-osaaminen"][0].tasks) == 4
    assert len(_items(progs[LANUPE])["henkilokunnan-osaaminen"][0].tasks) == 3


def test_tasks_under_headlines(progs):
    lanupe = _items(progs[LANUPE])
    vanhemmuus = lanupe["vanhemmuuden-tuki"][0]
    assert vanhemmuus.title == "Tuemme vanhemmuutta kasvatustyössä ja koulunkäynnin edistämässä"
    assert len(vanhemmuus.tasks) == 6
    assert "Lohjalla on kiusaamisen 0-toleranssi" in [t.title for t in lanupe["erilaisuuden-hyvaksyminen"][0].tasks]
    assert "vakinaistamme digitutor-toiminnan" in [t.title for t in lanupe["pedagogiset-ratkaisut"][0].tasks]


def test_work_wellbeing_items_implement_sector_work_wellbeing(progs):
    links = [refs(a.implements) for a in progs[LANUPE].themes[1].actions]
    assert sum(r == (f"{SECTOR}:tyohyvinvointi",) for r in links) == 5


def test_sector_painopisteet(progs):
    section = progs[SECTOR].sections[0]
    assert list(section.items) == [
        "Asukaslähtöisyys ja asukkaiden osallisuus",
        "Hyvinvoinnin ja terveyden edistäminen",
        "Syrjäytymisen ehkäisy",
    ]
    lanupe_section = progs[LANUPE].sections[0]
    assert len(lanupe_section.items) == 3
    assert lanupe_section.items[2].startswith("Syrjäytymisen ehkäisy tarkoittaa meillä sitä")


def test_foreword_owner_and_participation(progs):
    p = progs[LANUPE]
    assert p.unit == "Lasten, nuorten ja perheiden palvelualue"
    assert p.foreword.author.name == "Merja Kuusimurto"
    assert p.foreword.author.role == "Palvelualuejohtaja"
    assert p.owner.name == "Merja Kuusimurto"
    assert "hyvinvoivan henkilöstön voimin" in p.foreword.text
    assert p.participation.ideas == 1023
    assert "1023 ideaa" in p.participation.description
    assert "Hyvinvointialan laajennettu johtoryhmä" in p.participation.description


def test_ids_unique_within_each_program(progs):
    for p in progs.values():
        ids = []
        for theme in p.themes:
            ids += [theme.id] + [g.id for g in theme.goals] + [a.id for a in theme.actions]
        assert len(ids) == len(set(ids)), p.id
