"""`sivistys diff`: read two versions (revisions, snapshots), pair items (match), compare them (compare, fields), render (formats/)."""
