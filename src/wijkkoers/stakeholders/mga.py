"""The Mutual Gains Approach checklist: four stages with a few items each.

Written in our own words from these public descriptions (opened 2026-11-28):
- Wikipedia, "Mutual Gains Approach": the four steps (preparation, value creation, value
  distribution, follow-through) as developed at the Consensus Building Institute;
- the American Planning Association's knowledge base entry for the Consensus Building
  Institute's article "CBI's Mutual Gains Approach to Negotiation" (the same four steps).

Items are addressed by a stable key; a `ChecklistMark` row with that key means ticked.
Never change a key (marks would be lost); add new items with new keys.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SOURCES = (
    ("Wikipedia: Mutual Gains Approach", "https://en.wikipedia.org/wiki/Mutual_Gains_Approach"),
    (
        "American Planning Association: CBI's Mutual Gains Approach to Negotiation "
        "(Consensus Building Institute)",
        "https://www.planning.org/knowledgebase/resource/9284213/",
    ),
)


@dataclass(frozen=True)
class Item:
    key: str
    text: object


@dataclass(frozen=True)
class Stage:
    key: str
    name: object
    intro: object
    items: tuple


STAGES = (
    Stage(
        "voorbereiden",
        _("Prepare"),
        _("Know what everyone at the table cares about, and what each does without an agreement."),
        (
            Item(
                "eigen-belangen-gerangschikt",
                _("Every party has named its own interests and put them in order of weight."),
            ),
            Item(
                "belangen-achter-standpunten",
                _(
                    "We asked about the interests behind the positions parties take, not only "
                    "about the positions."
                ),
            ),
            Item(
                "alternatief-zonder-akkoord",
                _(
                    "Every party knows what it will do if no agreement is reached, and has "
                    "thought about how that looks for the others."
                ),
            ),
        ),
    ),
    Stage(
        "waarde-creeren",
        _("Create value"),
        _("Make the whole larger before anything is divided."),
        (
            Item(
                "verkennen-zonder-binden",
                _(
                    "Options were explored as “what if…?” without anyone being held to them "
                    "straight away."
                ),
            ),
            Item(
                "pakketten-van-opties",
                _(
                    "We combined options across several issues into packages that serve the "
                    "most important interests of more than one party."
                ),
            ),
        ),
    ),
    Stage(
        "waarde-verdelen",
        _("Distribute value"),
        _("Divide what was gained in a way every party can explain at home."),
        (
            Item(
                "objectieve-criteria",
                _("We agreed on criteria for dividing costs and benefits before dividing them."),
            ),
            Item(
                "uitlegbaar-aan-achterban",
                _(
                    "Every representative can explain to their own organisation or members why "
                    "the outcome is fair."
                ),
            ),
        ),
    ),
    Stage(
        "doorzetten",
        _("Follow through"),
        _("Make the agreement hold when the work starts."),
        (
            Item(
                "risico-op-uitvoering",
                _("We went through what could derail the agreement during the work."),
            ),
            Item(
                "afspraken-over-meningsverschillen",
                _("The agreement says how a disagreement later on will be settled."),
            ),
            Item(
                "monitoren-en-communiceren",
                _(
                    "The agreement says how progress is measured and how the parties keep each "
                    "other informed."
                ),
            ),
        ),
    ),
)

ITEMS = {item.key: (stage, item) for stage in STAGES for item in stage.items}


def item_count() -> int:
    return len(ITEMS)
