"""Facts of Kuntaliitto's Sivistyskunnan roolit ja tuki -projekti 2017–2019 (seed 003):
a finished national project with goals, SISOTE interfaces and materials."""

from __future__ import annotations

import datetime as dt

import pytest

from sivistys_cli.model import PartnerType, ProgramStatus

PID = "kuntaliitto-sivistyskunta"


@pytest.fixture(scope="module")
def program(bundled):
    return bundled[PID].program


def test_finished_project_of_kuntaliitto(program):
    assert program.organization == "Kuntaliitto"
    assert program.unit == "Opetus- ja kulttuuriyksikkö"
    assert (program.period.start, program.period.end) == (2017, 2019)
    assert program.status == ProgramStatus.archived
    huom = {s.id: s for s in program.sections}["paattynyt"]
    assert "31.12.2019" in huom.body


def test_background_mentions_may_2017_start_and_lape(program):
    assert "toukokuussa 2017" in program.background
    assert "(LAPE)" in program.background


def test_five_goals_directly_under_the_project(program):
    assert program.themes == ()
    assert len(program.goals) == 5
    assert program.goals[2].title == "Kunnan ja maakunnan välisille yhdyspinnoille löydetään toimivia yhteistyökäytäntöjä."
    assert "Kunnat 2021" in program.goals[4].title


def test_three_focus_areas(program):
    painopisteet = {s.id: s for s in program.sections}["painopisteet"]
    assert painopisteet.items == (
        "Tulevaisuuden sivistyskunnan strategiatyö",
        "Maakunta-uudistukseen liittyvä muutos ja yhdyspinnat",
        "Yhteistyön vahvistaminen ja asiantuntijatiedon hyödyntäminen",
    )


def test_sisote_interfaces(program):
    types = {i.id: i.partner_type for i in program.interfaces}
    assert types["sivistys-ja-sote-palvelut"] == PartnerType.wellbeing_services_county
    assert types["kunta-ja-maakunta"] == PartnerType.region
    assert len(program.interfaces) == 3


def test_stakeholders_and_dependencies(program):
    names = [s.name for s in program.stakeholders]
    assert names == ["Kunnat", "OKM:n Sivistyskunta -yhteistyöryhmä", "LAPE-työ", "Parlamentaarinen työryhmä"]
    assert any("LAPE" in d.title for d in program.dependencies)
    assert any("Kunnat 2021" in d.title for d in program.dependencies)


def test_materials(program):
    materials = program.materials
    assert len(materials) == 11
    kinds = [m.kind for m in materials]
    assert kinds.count("blog") == 3
    assert kinds.count("podcast") == 1
    assert "video" in kinds and "memo" in kinds


def test_blogs_by_irmeli_myllymaki(program):
    blogs = [m for m in program.materials if m.kind == "blog"]
    assert [m.date for m in blogs] == [dt.date(2018, 9, 7), dt.date(2018, 1, 24), dt.date(2017, 6, 19)]
    assert all("Irmeli Myllymäki" in m.author for m in blogs)
    assert blogs[0].title == "Onko sivistyskunta utopiaa, höttöpuhetta vai realismia?"


def test_podcast_speakers(program):
    podcast = next(m for m in program.materials if m.kind == "podcast")
    assert "Katri Kalske" in podcast.description and "Markku Valkamo" in podcast.description
