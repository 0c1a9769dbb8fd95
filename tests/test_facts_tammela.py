"""Facts of Tammela's Asiakas- ja tehtävälähtöiset palveluprosessit -ohjelmasuunnitelma
2017–2018 (seed 004): benefit goals, costed actions, budget, organisation and reporting."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sivistys_cli.model import MeasureKind, PartnerType

PID = "tammela-palveluprosessit"


@pytest.fixture(scope="module")
def program(bundled):
    return bundled[PID].program


@pytest.fixture(scope="module")
def actions(program):
    return {a.id: a for g in program.goals for a in g.actions}


def _cost(action):
    return sum(c.amount for c in action.costs)


def test_identity_and_period(program):
    assert program.organization == "Tammelan kunta"
    assert (program.period.start, program.period.end) == (2017, 2018)
    assert program.labels.goal == "Hyötytavoite"
    assert program.themes == ()


def test_two_benefit_goals_with_four_and_six_actions(program):
    assert [g.title for g in program.goals] == [
        "Kuntalaisten osallisuuden ja osallistumisen lisääminen",
        "Yksilöllinen, joustava ja tehokas palvelutuotanto",
    ]
    assert [len(g.actions) for g in program.goals] == [4, 6]
    assert "  - palvelun tuottaminen (osallisuus)" in program.goals[0].description


def test_action_costs_add_up_to_the_budget_total(program, actions):
    total = sum(_cost(a) for a in actions.values())
    assert total == Decimal(98000)
    assert program.budget.total == total
    assert [_cost(a) for a in program.goals[0].actions] == [2000, 2000, 10000, 2000]
    assert [_cost(a) for a in program.goals[1].actions] == [15000, 3000, 2000, 50000, 5000, 7000]


def test_budget_items_and_financing(program):
    items = {i.label: i.amount for i in program.budget.items}
    assert items == {"kokouskulut": 9000, "selvitykset": 10000, "Investoinnit ja palveluiden ostot": 79000}
    assert sum(items.values()) == program.budget.total
    assert "Hankerahoitus" in [f.source for f in program.budget.financing]


def test_election_action_schedule_is_kept_as_written(actions):
    schedule = actions["aanestysvilkkaus"].schedule
    assert schedule.text == "maalis-huhtikuu 2017 ja marraskuu 2017-tammikuu 2018"
    assert (schedule.start, schedule.end) == (dt.date(2017, 3, 1), dt.date(2018, 1, 31))


def test_lahidemokratiahanke_is_a_2018_pilot_with_hamk(actions):
    action = actions["lahidemokratiahanke"]
    assert (action.schedule.start, action.schedule.end) == (2018, 2018)
    assert action.implementers == ("Kunta", "HAMK", "Sidosryhmät")
    assert _cost(action) == 10000


def test_digitalisation_is_the_largest_cost(actions):
    biggest = max(actions.values(), key=_cost)
    assert biggest.id == "digitalisaation-mahdollisuudet"
    assert biggest.implementers == ("Kunta", "Sidosryhmät")


def test_measures(program):
    first, second = program.goals
    assert len(first.measures) == 4
    count = {m.title: m for m in second.measures}["Laaditut prosessikuvaukset"]
    assert (count.kind, count.unit) == (MeasureKind.count, "kpl")
    assert all(not m.targets for g in program.goals for m in g.measures)


def test_monitoring_in_february_and_august(program):
    assert program.reporting.monitoring_months == (2, 8)
    assert "tilinpäätöksen käsittelyn yhteydessä" in program.reporting.annual_report
    assert "loppuraportti" in program.reporting.evaluation


def test_seven_risks(program):
    assert len(program.risks) == 7
    assert program.risks[4].title == "Valtiovarainministeriön ja muiden sidosryhmien aikataulujen toteutuminen"
    assert all(r.mitigation is None for r in program.risks)


def test_twelve_stakeholders(program):
    assert len(program.stakeholders) == 12
    by_name = {s.name: s.type for s in program.stakeholders}
    assert by_name["Tuleva maakunta"] == PartnerType.region
    assert by_name["Väestörekisterikeskus"] == PartnerType.state


def test_two_working_groups(program):
    groups = program.organisation.groups
    assert [len(g.members) for g in groups] == [9, 6]
    names = [{m.name for m in g.members} for g in groups]
    assert {"Anitta Hietaniemi", "Arja Suojoki"} <= names[0] & names[1]
    assert "Vesa Salminen" in names[0]
    assert "jälkiarvioinnista" in program.organisation.owner_duties


def test_dependency_and_sections(program):
    assert program.dependencies[0].title == "Strategian poikkihallinnolliset kehittämisohjelmat"
    sections = {s.id: s for s in program.sections}
    assert "Suomen paras kunta" in sections["yhteys-strategiaan"].body
    assert "SharePointiin" in sections["tyoryhman-kaytannot"].body
    assert "140 lakiin" in program.background
