"""`sivistys report`: options, the gate of checks, the views, the context, Jinja templating and the formats (formats/)."""
