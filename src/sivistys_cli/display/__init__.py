"""Words, numbers, money and dates in fi/sv/en; values as the author wrote them; Markdown escaping."""
