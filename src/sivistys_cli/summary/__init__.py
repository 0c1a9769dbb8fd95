"""`sivistys summary`: the overview of each program (build) and its output formats (formats/)."""
