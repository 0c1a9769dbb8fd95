"""A deterministic national corpus in sivistys's format: one program per (fictional) municipality.

Run: python bench/corpus.py DIR [--programs 309] [--revise]

Every program is a made-up municipality ("Esimerkkilä 001" …): themes, goals, actions with
responsible, schedules and costs, measures with baselines, targets and data sources, three outcome
years, and cascade links to one of the regional strategies, which are programs of the corpus too.
The same arguments always give the same bytes. With --revise, a second version is written over the
first: about six edits per program (titles, targets, statuses, a moved action), as in a planning
round, for timing `sivistys diff`.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

REGIONS = 19  # programs 0..18 are regional strategies; the others link to one of them
THEMES, GOALS, ACTIONS, MEASURES = 5, 4, 4, 2
YEARS = (2024, 2025, 2026)
WORDS = ("hyvinvointi", "oppiminen", "osallisuus", "kirjasto", "nuoriso", "liikunta", "kulttuuri", "varhaiskasvatus",
         "perusopetus", "harrastus", "yhteistyö", "digitalisaatio", "palveluohjaus", "lukutaito", "turvallisuus")
STATUSES = ("achieved", "partly", "not_achieved", "not_assessed")


def program_id(n: int) -> str:
    return f"alue-{n:02}-strategia" if n < REGIONS else f"esimerkkila-{n:03}-sivistysohjelma"


def _sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(picked).capitalize() + "."


def _action(rng: random.Random, n: int, t: int, g: int, a: int) -> list[str]:
    link = f"{program_id(n % REGIONS)}:t{t}-g{g}" if n >= REGIONS else None
    lines = [
        f"          - id: t{t}-g{g}-a{a}",
        f"            title: {_sentence(rng, 6)}",
        "            description: >-",
        f"              {_sentence(rng, 14)}",
        f"              {_sentence(rng, 12)}",
        f"            responsible: {rng.choice(('Sivistysjohtaja', 'Rehtori', 'Kirjastotoimenjohtaja', 'Nuorisopalvelut'))}",
        "            implementers: [Koulut, Kirjasto]",
        f"            schedule: {{start: {YEARS[0]}, end: {YEARS[-1] + rng.randint(0, 2)}}}",
        "            costs:",
    ]
    lines += [f"              - {{year: {y}, amount: {rng.randint(1, 40) * 500}}}" for y in YEARS]
    if link:
        lines.append(f"            implements: ['{link}']")
    return lines


def _measure(rng: random.Random, t: int, g: int, m: int) -> list[str]:
    base = rng.randint(20, 80)
    return [
        f"          - id: t{t}-g{g}-m{m}",
        f"            title: {_sentence(rng, 5)}",
        "            kind: percentage",
        "            direction: increase",
        f"            baseline: {{year: 2023, value: {base}}}",
        "            targets:",
        *(f"              - {{year: {y}, value: {min(100, base + i + 1)}}}" for i, y in enumerate(YEARS)),
        "            data_source: {name: Kouluterveyskysely, frequency: joka toinen vuosi}",
    ]


def program(n: int) -> str:
    rng = random.Random(n)
    region = n < REGIONS
    name = f"Alue {n:02}" if region else f"Esimerkkilä {n:03}"
    lines = [
        f"# {name}: a fictional municipality of the benchmark corpus (bench/corpus.py).",
        f"id: {program_id(n)}",
        f"title: {name} – {'aluestrategia' if region else 'sivistysohjelma'} 2024–2030",
        f"organization: {name}",
        "period: {start: 2024, end: 2030}",
        "status: approved",
        "labels: {theme: Painopiste, goal: Tavoite, action: Toimenpide, measure: Mittari}",
        f"vision: {_sentence(rng, 20)}",
        "themes:",
    ]
    for t in range(THEMES):
        lines += [f"  - id: t{t}", f"    title: {_sentence(rng, 4)}", f"    description: {_sentence(rng, 18)}", "    goals:"]
        for g in range(GOALS):
            lines += [f"      - id: t{t}-g{g}", f"        title: {_sentence(rng, 8)}"]
            if region:
                continue
            lines.append("        actions:")
            for a in range(ACTIONS):
                lines += _action(rng, n, t, g, a)
            lines.append("        measures:")
            for m in range(MEASURES):
                lines += _measure(rng, t, g, m)
    return "\n".join(lines) + "\n"


def outcomes(n: int, year: int) -> str:
    rng = random.Random(n * 10_000 + year)
    lines = [f"program: {program_id(n)}", f"year: {year}", "outcomes:"]
    for t in range(THEMES):
        for g in range(GOALS):
            for a in range(ACTIONS):
                lines += [f"  - ref: t{t}-g{g}-a{a}", f"    status: {rng.choice(STATUSES)}",
                          f"    comment: {_sentence(rng, 10)}"]
            for m in range(MEASURES):
                lines += [f"  - ref: t{t}-g{g}-m{m}", "    status: not_assessed", f"    value: {rng.randint(20, 90)}"]
    return "\n".join(lines) + "\n"


def revise(text: str, n: int) -> str:
    """About six edits: three titles reworded, a target raised, a status changed, costs raised."""
    rng = random.Random(-n - 1)
    lines = text.split("\n")
    titles = [i for i, line in enumerate(lines) if line.lstrip().startswith("title: ")]
    for i in rng.sample(titles, min(3, len(titles))):
        lines[i] += " Tarkennettu."
    for needle, old, new in (("value: ", "value: 5", "value: 6"), ("amount: ", "amount: 1", "amount: 2"),
                             ("status: ", "status: partly", "status: achieved")):
        found = [i for i, line in enumerate(lines) if needle in line and old in line]
        if found:
            i = rng.choice(found)
            lines[i] = lines[i].replace(old, new, 1)
    return "\n".join(lines)


def write(root: Path, programs: int, revised: bool = False) -> int:
    """Write the corpus under root/programs; return its size in bytes."""
    size = 0
    for n in range(programs):
        folder = root / "programs" / program_id(n)
        folder.mkdir(parents=True, exist_ok=True)
        files = {folder / "program.yaml": program(n)}
        if n >= REGIONS:
            (folder / "outcomes").mkdir(exist_ok=True)
            files.update({folder / "outcomes" / f"{y}.yaml": outcomes(n, y) for y in YEARS})
        for path, text in files.items():
            text = revise(text, n) if revised else text
            path.write_text(text, encoding="utf-8")
            size += len(text.encode("utf-8"))
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--programs", type=int, default=309)
    ap.add_argument("--revise", action="store_true", help="write the revised version over the first")
    args = ap.parse_args()
    size = write(args.dir, args.programs, args.revise)
    print(f"{args.programs} programs, {size / 1e6:.1f} MB of YAML under {args.dir / 'programs'}")


if __name__ == "__main__":
    main()
