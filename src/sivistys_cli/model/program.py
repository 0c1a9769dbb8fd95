"""The program file: a program, its tree of themes, goals, actions and measures, and what surrounds them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from sivistys_cli.model.parts import (
    INTERPRETED_DOC,
    Benchmark,
    ExternalRef,
    Interpreted,
    Ledger,
    Link,
    Scale,
    Survey,
)
from sivistys_cli.model.types import (
    LANG_PATTERN,
    DecisionKind,
    Direction,
    Euros,
    Id,
    MeasureKind,
    Model,
    Month,
    Operator,
    OutcomeStatus,
    PartnerType,
    PointInTime,
    ProgramStatus,
    Ref,
    StatusRule,
    Str,
    TaskStatus,
    Text,
    Tier,
    Value,
    ValueType,
    Year,
)


def _year_shorthand(value: Any) -> Any:
    """Let `schedule: 2018` stand for `schedule: {start: 2018, end: 2018}`."""
    if isinstance(value, int) and not isinstance(value, bool):
        return {"start": value, "end": value}
    if isinstance(value, str):
        return {"text": value}
    return value


ImplementsRef = Ref | Link
"""A cascade link: 'program-id:item-id', or {ref: …, interpreted: …} when the encoder inferred it."""

CODE_DOC = "The item's number as the document gives it, e.g. '1.1', '2b', 'P 5.3'; shown before the title."


def ref_of(link: str | Link) -> str:
    """The reference of a cascade link, written plain or as a mapping."""
    return link if isinstance(link, str) else link.ref


# --- small building blocks --------------------------------------------------------


class Person(Model):
    name: Text = Field(description="The person's name, or a post such as 'sivistysjohtaja'.")
    role: Text | None = Field(None, description="Title or role, e.g. 'Palvelualuejohtaja'.")
    organization: Text | None = Field(None, description="Organisation, if not the program's own.")


class Decision(Model):
    kind: DecisionKind | None = Field(
        None,
        description="In a decision chain: proposal, approval, conditional_approval, amendment, noted, rejected "
        "or returned.",
    )
    body: Text = Field(description="The deciding body, e.g. 'Sivistyslautakunta' or 'Kaupunginvaltuusto'.")
    date: PointInTime | None = Field(
        None, description="Date of the meeting, YYYY-MM-DD; or YYYY-MM or a year when that is all the document says."
    )
    presenter: Text | None = Field(None, description="Who presented the matter (esittelijä / föredragande).")
    conditions: Text | None = Field(None, description="The conditions of a conditional approval.")
    section: Str | None = Field(None, description="Minutes section, e.g. '§ 45'.")
    url: Str | None = Field(None, description="Link to the minutes.")
    note: Text | None = Field(None, description="Anything else about the decision.")


class Amendment(Model):
    version: Str | None = Field(None, description="The version this amendment produced, e.g. '1.1'.")
    date: dt.date | None = Field(None, description="When the amendment took effect, YYYY-MM-DD.")
    description: Text = Field(description="What was changed and why.")
    decision: Decision | None = Field(None, description="The decision that approved the amendment.")


class Period(Model):
    start: Year = Field(description="First year of the program.")
    end: Year = Field(description="Last year of the program (inclusive).")


class Document(Model):
    title: Text = Field(description="Title of the document, video, blog post or web page.")
    publisher: Text | None = Field(None, description="Who published it, e.g. 'Valtioneuvosto', 'OKM', 'Sitra'.")
    kind: Str | None = Field(
        None,
        description="What kind of document: strategy, law, program, plan, report, memo, video, blog, podcast, "
        "web page …",
    )
    author: Text | None = Field(None, description="Author or speaker, with title if given.")
    date: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD.")
    year: Year | None = Field(None, description="Publication year when no exact date is known.")
    statute: Str | None = Field(None, description="Statute number for laws and decrees, e.g. '1326/2010'.")
    url: Str | None = Field(None, description="Where the document can be read.")
    description: Text | None = Field(None, description="A short description.")


class Section(Model):
    id: Id = Field(description="Stable id of the section within the program.")
    code: Str | None = Field(None, description="The chapter's number in the document, e.g. '3.2'.")
    title: Text = Field(description="Heading of the section as in the source document.")
    body: Text | None = Field(None, description="The section's text; Markdown-style lists are kept as written.")
    items: tuple[Text, ...] = Field((), description="A list the section consists of, one entry per item.")


class Foreword(Model):
    title: Text | None = Field(None, description="Heading of the foreword.")
    text: Text = Field(description="The foreword or introduction itself.")
    author: Person | None = Field(None, description="Who signed it.")


class ParticipationPhase(Model):
    title: Text = Field(description="Name of the phase, e.g. 'Nykytila'.")
    description: Text | None = Field(None, description="Who took part and how.")


class Participation(Model):
    title: Text | None = Field(None, description="Heading for the process, e.g. 'Ketterä ja osallistava prosessi'.")
    description: Text | None = Field(None, description="How the program was prepared and who took part.")
    phases: tuple[ParticipationPhase, ...] = Field((), description="Phases of the preparation process in order.")
    participants: int | None = Field(None, ge=0, description="How many people took part, if stated.")
    ideas: int | None = Field(None, ge=0, description="How many ideas or proposals were gathered, if stated.")
    results: Text | None = Field(None, description="What the participation produced.")


class Labels(Model):
    """What this program calls each level: labels are data, not code."""

    program: Text | None = Field(None, description="What the program calls itself, e.g. 'Sivistysohjelma'.")
    theme: Text | None = Field(None, description="Name of the top level, e.g. 'Kriittinen menestystekijä'.")
    theme_levels: tuple[Text, ...] = Field(
        (), description="Names of nested theme levels from the top, e.g. [Näkökulma, Strateginen päämäärä]; "
        "a theme's own `label` wins."
    )
    goal: Text | None = Field(None, description="Name of a goal, e.g. 'Toiminnallinen tavoite'.")
    action: Text | None = Field(None, description="Name of an action, e.g. 'Teko' or 'Toimenpide-esimerkki'.")
    measure: Text | None = Field(None, description="Name of a measure, e.g. 'Mittari'.")
    target: Text | None = Field(None, description="Name of a target level, e.g. 'Mittarin tavoitetaso'.")
    outcome: Text | None = Field(None, description="Name of a year's realisation, e.g. 'Toteutuma (toteutumisaste)'.")
    comment: Text | None = Field(None, description="Name of the commentary on an outcome, e.g. 'Kommentointi'.")


class Risk(Model):
    id: Id | None = Field(None, description="Optional stable id of the risk.")
    title: Text = Field(description="The risk as stated.")
    description: Text | None = Field(None, description="More detail on the risk.")
    likelihood: Literal["low", "medium", "high"] | None = Field(None, description="How likely it is.")
    impact: Literal["low", "medium", "high"] | None = Field(None, description="How severe it would be.")
    mitigation: Text | None = Field(None, description="How the risk is managed.")


class Stakeholder(Model):
    name: Text = Field(description="The stakeholder, e.g. 'Kuntaliitto' or 'Asukkaat'.")
    type: PartnerType | None = Field(None, description="What kind of organisation or group it is.")
    role: Text | None = Field(None, description="Their interest in, or role for, the program.")
    engagement: Text | None = Field(None, description="How they are involved or kept informed.")


class Partner(Model):
    name: Text = Field(description="The partner organisation or unit.")
    type: PartnerType | None = Field(
        None, description="Kind of partner; 'wellbeing_services_county' marks a SISOTE interface."
    )
    role: Text | None = Field(None, description="What the partner does in this action.")


class Interface(Model):
    id: Id = Field(description="Stable id of the interface.")
    title: Text = Field(description="The interface (yhdyspinta), e.g. 'Oppilashuollon psykologi- ja kuraattoripalvelut'.")
    partner: Text = Field(description="The organisation on the other side, e.g. the wellbeing services county.")
    partner_type: PartnerType | None = Field(None, description="Kind of organisation on the other side.")
    description: Text | None = Field(None, description="How the two sides work together.")


class Dependency(Model):
    program: Id | None = Field(None, description="Id of another program in this repository, if it is one.")
    title: Text | None = Field(None, description="Name of the program, project or work depended on.")
    description: Text = Field(description="What the dependency is and how it is handled.")


class CostItem(Model):
    label: Text | None = Field(None, description="What the money is for, e.g. 'Kokouskulut'.")
    year: Year | None = Field(None, description="The year the cost falls on; omit for a total over the period.")
    type: ValueType | None = Field(
        None,
        description="What kind of amount: left out, a planned cost (the simple case); else actual, budget, "
        "amended_budget, forecast, proposal, plan, actual_to_date or previous_to_date. Types are never added.",
    )
    amount: Euros = Field(description="Amount in euros (write 2000, not '2 k€').")
    source: Text | None = Field(None, description="Where the money comes from, if specific to this cost.")
    note: Text | None = Field(None, description="Anything else about this cost.")


class Financing(Model):
    source: Text = Field(description="Source of financing, e.g. 'Käyttötalous', 'Hankerahoitus'.")
    amount: Euros | None = Field(None, description="Amount in euros, if stated.")
    note: Text | None = Field(None, description="Conditions or other details.")


class Budget(Model):
    items: tuple[CostItem, ...] = Field((), description="Program-level cost items.")
    total: Euros | None = Field(None, description="The stated total in euros; checked against the items.")
    financing: tuple[Financing, ...] = Field((), description="How the program is financed.")
    note: Text | None = Field(None, description="Free text about costs and financing.")


class Reporting(Model):
    monitoring_months: tuple[Month, ...] = Field(
        (), description="Months in which progress is reviewed each year, e.g. [2, 8] for February and August."
    )
    monitoring: Text | None = Field(None, description="How monitoring is done and who gets the status reports.")
    annual_report: Text | None = Field(
        None, description="When and to whom the annual report is made, e.g. with the financial statements."
    )
    evaluation: Text | None = Field(None, description="How the program is evaluated and closed.")


class Group(Model):
    name: Text = Field(description="Name of the working group or steering group.")
    role: Text | None = Field(None, description="What the group is for.")
    members: tuple[Person, ...] = Field((), description="Members of the group.")


class Organisation(Model):
    description: Text | None = Field(None, description="How the program is organised and who is responsible.")
    groups: tuple[Group, ...] = Field((), description="Working groups and steering groups.")
    owner_duties: Text | None = Field(None, description="What the program owner is responsible for.")


class Source(Model):
    title: Text | None = Field(None, description="Title of the source document this file was encoded from.")
    file: Str | None = Field(None, description="File name of the source document.")
    url: Str | None = Field(None, description="Where the source document is published.")
    note: Text | None = Field(None, description="Notes on the encoding, e.g. what was interpreted.")


OutlinePart = Literal[
    "foreword", "vision", "value_promise", "background", "background_documents", "participation", "themes",
    "goals", "costs", "risks", "stakeholders", "dependencies", "interfaces", "organisation", "reporting",
    "evaluation", "cascade", "decisions", "source", "materials",
]
"""The structured parts of a program document an outline may place; see OutlineEntry."""


class OutlineEntry(Model):
    """One part of the program document, in the place the source document gives it."""

    section: Id | None = Field(None, description="A free chapter, by the id it has under `sections`.")
    part: OutlinePart | None = Field(
        None,
        description="A structured part: foreword, vision, value_promise, background, background_documents, "
        "participation, themes, goals (the program's own goals), costs (budget, action costs and money tables), "
        "risks, stakeholders, dependencies, interfaces, organisation, reporting, evaluation, cascade, decisions, "
        "source or materials. A part named on its own (value_promise, background_documents, evaluation, goals) "
        "is left out of the part it otherwise belongs to (vision, background, reporting, themes).",
    )
    theme: Id | None = Field(None, description="One top-level theme, by id, as a chapter of its own.")
    code: Str | None = Field(None, description="The chapter's number in the document, e.g. '6' or '11.2'.")
    title: Text | None = Field(
        None, description="The chapter's heading as the document has it; left out, the report's own word."
    )
    continues: bool = Field(
        False,
        description="True when the part has no heading of its own and continues the chapter before it, e.g. a "
        "risk list after a chapter ending '…seuraavat riskit:'.",
    )


# --- the program tree ---------------------------------------------------------------


class Baseline(Model):
    year: Year | None = Field(None, description="Year of the baseline value.")
    value: Value = Field(description="The baseline value.")
    note: Text | None = Field(None, description="Where the baseline comes from or how to read it.")


class Target(Model):
    year: Year | None = Field(None, description="Year by which the target should be met; may be after the period.")
    value: Value | None = Field(
        None, description="Target value: true/false, a number, or a short text; with `of`, a difference to add to it."
    )
    operator: Operator | None = Field(
        None,
        description="How a value is compared: at_least, more_than, at_most, less_than or equal; left out, "
        "the measure's direction decides (at_most for decrease, else at_least).",
    )
    of: Literal["baseline", "benchmark"] | None = Field(
        None,
        description="The target is relative to the measure's baseline or benchmark value, e.g. 'more than the "
        "current 3,0' is {operator: more_than, of: baseline}; a `value` is then added to it.",
    )
    relative_to: Text | None = Field(
        None, description="A benchmark the target is relative to, e.g. 'maakunnan keskiarvo'."
    )
    text: Text | None = Field(None, description="A qualitative target, or the target level as written.")


class DataSource(Model):
    name: Text = Field(description="Name of the data source, e.g. 'Kouluterveyskysely', 'Sotkanet'.")
    indicator: Str | None = Field(None, description="Indicator id in the source, e.g. a Sotkanet indicator number.")
    url: Str | None = Field(None, description="Where the data can be found.")
    frequency: Text | None = Field(None, description="How often the data is available, e.g. 'joka toinen vuosi'.")


class Measure(Model):
    id: Id = Field(description="Stable id, unique within the program.")
    previous_ids: tuple[Id, ...] = Field((), description="Earlier ids of this measure, so a rename is not a removal.")
    title: Text = Field(description="The indicator, e.g. 'Asiakaspalautteiden määrä'.")
    purpose: Text | None = Field(
        None, description="What the measure tracks progress in, e.g. 'Palveluiden sujuvuuden kehittäminen'."
    )
    description: Text | None = Field(None, description="How the measure is defined or read.")
    kind: MeasureKind = Field(description="yes_no, count, percentage, change, number or qualitative.")
    unit: Text | None = Field(None, description="Unit of the values, e.g. 'henkeä', 'käyntiä', '%'.")
    direction: Direction | None = Field(None, description="Which way is better: increase, decrease, reach or maintain.")
    compare_to_year: Year | None = Field(
        None, description="For kind 'change': the earlier year the change is measured against."
    )
    baseline: Baseline | None = Field(None, description="The starting level (lähtötaso).")
    targets: tuple[Target, ...] = Field((), description="Target levels (tavoitetaso), possibly for several years.")
    target_pending: bool = Field(
        False, description="True when the program says explicitly that no target is set yet."
    )
    data_source: DataSource | None = Field(None, description="Where the values come from (tietolähde).")
    goals: tuple[Ref, ...] = Field((), description="Other goals this measure also serves, by id.")
    code: Str | None = Field(None, description=CODE_DOC)
    tier: Tier | None = Field(None, description="Tier on an indicator platform: strategic, tactical or operational.")
    survey: Survey | None = Field(None, description="The exact survey question, its answer options and those counted.")
    scale: Scale | None = Field(None, description="The answer scale of a Likert-type measure, e.g. {min: 1, max: 5}.")
    benchmark: Benchmark | None = Field(
        None, description="A reference level, e.g. the regional average with its value and year; targets may use it."
    )
    cumulative: bool = Field(False, description="True when values add up over the years (a running total).")
    interpreted: Interpreted = Field(None, description=INTERPRETED_DOC)


class Task(Model):
    id: Id | None = Field(None, description="Optional stable id of the sub-task.")
    title: Text = Field(description="What is to be done.")
    responsible: Text | None = Field(None, description="Who does it, if not the action's responsible party.")
    due: dt.date | Year | None = Field(None, description="Due date (YYYY-MM-DD) or year.")
    status: TaskStatus | None = Field(None, description="planned, in_progress, done or cancelled.")


class Schedule(Model):
    start: dt.date | Year | None = Field(None, description="Start: a year or a date YYYY-MM-DD.")
    end: dt.date | Year | None = Field(None, description="End: a year or a date YYYY-MM-DD (inclusive).")
    text: Text | None = Field(None, description="The schedule as written, e.g. 'maalis–huhtikuu 2017'.")
    continuous: bool = Field(False, description="True for work that goes on throughout the program.")


class _ShorthandSchema:
    """In the JSON Schema, a schedule may also be a year or a text, as the validator accepts (`schedule: 2018`)."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        return {"anyOf": [handler(core_schema), {"type": "integer", "minimum": 1900, "maximum": 2200}, {"type": "string"}]}


ScheduleField = Annotated[Schedule, BeforeValidator(_year_shorthand), _ShorthandSchema()]


def year_of(point: dt.date | int | None) -> int | None:
    """The year of a schedule point or due date, which may be a year or a date."""
    return point.year if isinstance(point, dt.date) else point


class Action(Model):
    id: Id = Field(description="Stable id, unique within the program.")
    previous_ids: tuple[Id, ...] = Field((), description="Earlier ids of this action, so a rename is not a removal.")
    title: Text = Field(description="The action as stated.")
    description: Text | None = Field(None, description="What the action involves (kuvaus).")
    responsible: Text | None = Field(None, description="Who is responsible (vastuutaho).")
    implementers: tuple[Text, ...] = Field((), description="Who carries it out (toteuttajat).")
    partners: tuple[Partner, ...] = Field(
        (), description="Partners, including organisations outside the municipality."
    )
    schedule: ScheduleField | None = Field(None, description="When: a year, {start, end}, dates or free text.")
    costs: tuple[CostItem, ...] = Field((), description="Costs in euros, by year where known.")
    tasks: tuple[Task, ...] = Field((), description="Sub-tasks with their own status and due date.")
    measures: tuple[Measure, ...] = Field((), description="Measures attached to this action.")
    implements: tuple[ImplementsRef, ...] = Field(
        (), description="Goals or actions of other programs this action implements: 'program-id:item-id'."
    )
    note: Text | None = Field(None, description="Remarks on the action.")
    code: Str | None = Field(None, description=CODE_DOC)
    external: tuple[ExternalRef, ...] = Field(
        (), description="Things outside the repository this action implements or refers to."
    )
    updated: dt.date | None = Field(None, description="When the action's information was last updated, YYYY-MM-DD.")
    interpreted: Interpreted = Field(None, description=INTERPRETED_DOC)


class Goal(Model):
    id: Id = Field(description="Stable id, unique within the program.")
    previous_ids: tuple[Id, ...] = Field((), description="Earlier ids of this goal, so a rename is not a removal.")
    title: Text = Field(description="The goal as stated.")
    description: Text | None = Field(None, description="What the goal means; lists may be kept as written.")
    actions: tuple[Action, ...] = Field((), description="Actions under this goal.")
    measures: tuple[Measure, ...] = Field((), description="Measures attached to this goal.")
    implements: tuple[ImplementsRef, ...] = Field(
        (), description="Goals or themes of other programs this goal implements: 'program-id:item-id'."
    )
    code: Str | None = Field(None, description=CODE_DOC)
    binding: bool = Field(
        False, description="True for a binding target set by the council (sitova tavoite / bindande mål)."
    )
    status_rule: StatusRule | None = Field(
        None,
        description="How the goal's status follows from its measures: all (every measure meets its target), "
        "any (at least one does) or manual (judged by hand).",
    )
    external: tuple[ExternalRef, ...] = Field(
        (), description="Things outside the repository this goal implements, e.g. city strategy goals 'P 5.3'."
    )
    responsible: Text | None = Field(None, description="Default responsible party of the goal's actions.")
    implementers: tuple[Text, ...] = Field((), description="Default implementers of the goal's actions.")
    interpreted: Interpreted = Field(None, description=INTERPRETED_DOC)


class Theme(Model):
    id: Id = Field(description="Stable id, unique within the program.")
    previous_ids: tuple[Id, ...] = Field((), description="Earlier ids of this theme, so a rename is not a removal.")
    title: Text = Field(description="The theme as stated (kriittinen menestystekijä, strategiakärki, painopiste).")
    description: Text | None = Field(None, description="What the theme means.")
    goals: tuple[Goal, ...] = Field((), description="Goals under this theme.")
    actions: tuple[Action, ...] = Field((), description="Actions directly under the theme, not under a goal.")
    measures: tuple[Measure, ...] = Field((), description="Measures attached to the whole theme.")
    implements: tuple[ImplementsRef, ...] = Field(
        (), description="Themes or goals of other programs this theme implements: 'program-id:item-id'."
    )
    themes: tuple[Theme, ...] = Field(
        (), description="Themes nested in this one, to any depth (perspective → strategic end → success factor)."
    )
    label: Text | None = Field(None, description="What this level is called, e.g. 'Näkökulma' or 'Tavoitealue'.")
    code: Str | None = Field(None, description=CODE_DOC)
    external: tuple[ExternalRef, ...] = Field(
        (), description="Things outside the repository this theme implements or refers to."
    )
    responsible: Text | None = Field(None, description="Default responsible party of the actions under this theme.")
    implementers: tuple[Text, ...] = Field((), description="Default implementers of the actions under this theme.")
    interpreted: Interpreted = Field(None, description=INTERPRETED_DOC)


class Program(Model):
    id: Id = Field(description="Stable id of the program; by convention also its directory name.")
    title: Text = Field(description="Title of the program as published.")
    subtitle: Text | None = Field(None, description="Subtitle or tagline.")
    organization: Text = Field(description="The municipality or organisation, e.g. 'Someron kaupunki'.")
    unit: Text | None = Field(None, description="The unit within it, e.g. 'Sivistyspalvelut'.")
    level: Text | None = Field(
        None, description="Organisational level of this program in a cascade, e.g. 'kaupunki', 'toimiala'."
    )
    period: Period = Field(description="The years the program covers.")
    status: ProgramStatus = Field(ProgramStatus.draft, description="draft, approved or archived.")
    version: Str | None = Field(None, description="Version of the program text, e.g. '1.0'.")
    decision: Decision | None = Field(None, description="The decision that approved the program.")
    amendments: tuple[Amendment, ...] = Field((), description="Amendments after approval, oldest first.")
    owner: Person | None = Field(None, description="The program owner (omistaja).")
    languages: tuple[Annotated[str, Field(pattern=LANG_PATTERN)], ...] = Field(
        ("fi",), min_length=1,
        description="Languages of the texts; the first is the main language of plain strings; at least one.",
    )
    labels: Labels = Field(default_factory=Labels, description="What this program calls each level.")
    source: Source | None = Field(None, description="The document this file was encoded from.")
    outline: tuple[OutlineEntry, ...] = Field(
        (),
        description="The order of the program document's parts as the source document has them, with their "
        "numbers and headings; parts left out follow in the usual order (and `check` warns). Left out "
        "altogether, the usual order: foreword, vision, background, participation, sections, themes, costs …",
    )
    foreword: Foreword | None = Field(None, description="Foreword or introduction (aluksi, saatteeksi).")
    slogan: Text | None = Field(None, description="Slogan or brand line, e.g. 'Sujuva Somero'.")
    vision: Text | None = Field(None, description="The vision (visio).")
    vision_description: Text | None = Field(None, description="Text that opens up the vision.")
    value_promise: Text | None = Field(None, description="The value promise (arvolupaus).")
    background: Text | None = Field(None, description="Background and current state, as prose.")
    background_documents: tuple[Document, ...] = Field(
        (), description="Strategies, laws and plans the program builds on (ohjelman tausta)."
    )
    participation: Participation | None = Field(None, description="How the program was prepared, and with whom.")
    themes: tuple[Theme, ...] = Field((), description="The top level: critical success factors, spearheads …")
    goals: tuple[Goal, ...] = Field(
        (), description="Goals directly under the program, for programs that have no theme level."
    )
    implements: tuple[ImplementsRef, ...] = Field(
        (), description="Programs or items this program as a whole implements: 'program-id' or 'program-id:item-id'."
    )
    external: tuple[ExternalRef, ...] = Field(
        (), description="Documents outside the repository the program as a whole implements, e.g. a city strategy."
    )
    decisions: tuple[Decision, ...] = Field(
        (), description="The decision chain, oldest first: proposal → (conditional) approval → amendment → noted."
    )
    responsible: Text | None = Field(None, description="Default responsible party of every action that names none.")
    implementers: tuple[Text, ...] = Field((), description="Default implementers of every action that names none.")
    status_words: dict[str, OutcomeStatus] = Field(
        default_factory=dict,
        description="The documents' own status words and the status each means, e.g. {Valmis: achieved, "
        "Kesken: partly}; outcomes may then give `status_word`.",
    )
    ledgers: tuple[Ledger, ...] = Field(
        (), description="Money tables as the document has them: rows × columns of one value type and year."
    )
    interfaces: tuple[Interface, ...] = Field(
        (), description="Interfaces (yhdyspinnat) with other organisations, e.g. the wellbeing services county."
    )
    budget: Budget | None = Field(None, description="Program-level costs and financing.")
    risks: tuple[Risk, ...] = Field((), description="Risks and how they are managed.")
    stakeholders: tuple[Stakeholder, ...] = Field((), description="Stakeholders (sidosryhmät).")
    dependencies: tuple[Dependency, ...] = Field((), description="Dependencies on other programs and work.")
    organisation: Organisation | None = Field(None, description="Organisation, groups and responsibilities.")
    reporting: Reporting | None = Field(None, description="Monitoring cadence and reporting.")
    sections: tuple[Section, ...] = Field(
        (), description="Further chapters of the source document, in order, with their headings."
    )
    materials: tuple[Document, ...] = Field((), description="Material the program produced or links to.")
    colophon: tuple[Text, ...] = Field(
        (), description="Colophon lines: credits, tools used, designer; printed small at the end, not as chapters."
    )


def current_status(program: Program) -> ProgramStatus:
    """The program's status as stated; else as its decision chain says."""
    if "status" in program.model_fields_set:
        return program.status
    return chain_status(program.decisions) or program.status


def chain_status(decisions: tuple[Decision, ...]) -> ProgramStatus | None:
    """What a decision chain makes the program: the latest deciding step wins; None if no step decides."""
    for decision in reversed(decisions):
        if decision.kind in (DecisionKind.approval, DecisionKind.conditional_approval, DecisionKind.amendment):
            return ProgramStatus.approved
        if decision.kind in (DecisionKind.rejected, DecisionKind.returned, DecisionKind.proposal):
            return ProgramStatus.draft
    return None
