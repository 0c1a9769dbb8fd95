"""Words, numbers, money and dates in fi/sv/en; values as the author wrote them; Markdown escaping."""

# The message catalogs register their renderer with errors.py when they load: importing any part of
# the display layer makes an error raised below it (git, atomic writes) read as English text.
from sivistys_cli.display import messages as _messages  # noqa: E402,F401
