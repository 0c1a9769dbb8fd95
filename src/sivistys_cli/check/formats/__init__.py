"""The output formats of `sivistys check`: each renders (diagnostics, files, color=False, lang="en") as a string;
the messages come already in the chosen language (`display.messages.localize`), codes and names stay English.

To add a format: write `check/formats/NAME.py` with a `render` function and add a line below;
`--format` and its help follow from this list.
"""

from __future__ import annotations

from sivistys_cli.formats import Format, Registry

FORMATS = Registry(
    Format("text", "sivistys_cli.check.formats.text:render", "one line per problem, file:line:col: CODE severity: message"),
    Format("json", "sivistys_cli.check.formats.json:render", "a versioned document for tools and scripts"),
    Format("github", "sivistys_cli.check.formats.github:render", "GitHub Actions annotations on the changed lines"),
    Format("gitlab", "sivistys_cli.check.formats.gitlab:render", "a GitLab Code Quality report for merge requests"),
    Format("sarif", "sivistys_cli.check.formats.sarif:render", "SARIF 2.1.0 for code scanning (GitHub, other viewers)"),
)

# `--statistics` stays a flag rather than a format: it answers another question (how many of each
# check), the way ruff's flag of the same name does, and it needs no format of its own to be asked.
STATISTICS = Format("statistics", "sivistys_cli.check.formats.statistics:render", "findings counted per check code")
