"""Dutch for the msgids added by the reflow / valid-HTML work: none (CSS, attributes, tests)."""

NL: dict[str, str] = {}
