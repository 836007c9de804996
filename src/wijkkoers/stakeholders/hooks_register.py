"""The register part of the stakeholder tools: its audit actions and its Tool (see tools/registry.py)."""


def ready():
    pass
