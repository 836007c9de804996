"""The working tools (werkinstrumenten) a project can use, and where they show.

Each tool app registers one `Tool` in its `AppConfig.ready()`. The rest of the site reads
the registry, never the tool apps themselves:

- the project's tools page (`tools:index`) lists every tool with its current state;
- a project's step page shows, for every tool that serves the step, its state and a link;
  the public step page names those tools (what the workspace offers);
- the logbook's timeline shows the audit events a tool names in `timeline_actions`;
- the briefing for late joiners and the project report show each tool's state;
- the compass shows a tool's `compass_flags` (a warning per step) beside the step.

A tool's `summary` must cost a small, fixed number of queries (at most `SUMMARY_QUERIES`)
whatever the amount of data, and its `compass_flags` at most `FLAG_QUERIES`: they run on the
step page, the briefing, the report and the compass, whose query-count tests add exactly
these budgets (`query_budget`) to their own ceilings.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse


@dataclass(frozen=True)
class ToolSummary:
    """A tool's current state in a few lines: ("Stakeholders", "12"), ("Last assessed", ...)."""

    lines: list = field(default_factory=list)  # (label, value) pairs, both display text
    empty: bool = False  # nothing recorded yet: pages say so and invite the team to start
    warnings: list = field(default_factory=list)  # short sentences, e.g. "2 rows without an A"


@dataclass(frozen=True)
class Tool:
    key: str  # stable, e.g. "stakeholders"
    name: object  # translatable display name, e.g. _("Stakeholder register")
    description: object  # one translatable sentence on what the tool does
    url_name: str  # the tool's own page, reversed with the project's public_id
    step_keys: tuple = ()  # the method steps it serves (stable step keys)
    summary: Callable | None = None  # (project) -> ToolSummary
    timeline_actions: tuple = ()  # audit action codes the logbook's timeline shows
    compass_flags: Callable | None = None  # (project) -> {step_key: warning text}
    order: int = 100

    def url(self, project) -> str:
        return reverse(self.url_name, args=[project.public_id])

    def summarise(self, project) -> ToolSummary:
        return self.summary(project) if self.summary else ToolSummary(empty=True)


SUMMARY_QUERIES = 3
FLAG_QUERIES = 1

_tools: dict[str, Tool] = {}


def register(tool: Tool) -> Tool:
    if _tools.setdefault(tool.key, tool) is not tool:
        raise ImproperlyConfigured(f"Tool {tool.key!r} is registered twice.")
    return tool


def all_tools() -> list[Tool]:
    return sorted(_tools.values(), key=lambda tool: (tool.order, tool.key))


def tools_for_step(step_key: str) -> list[Tool]:
    return [tool for tool in all_tools() if step_key in tool.step_keys]


def get_tool(key: str) -> Tool | None:
    return _tools.get(key)


def timeline_actions() -> tuple:
    return tuple(action for tool in all_tools() for action in tool.timeline_actions)


def query_budget(*, step_key: str | None = None, summaries: bool = False, flags: bool = False):
    """The queries the tools may add to a page: the summaries of the tools serving `step_key`
    (or of every tool with `summaries`), and every tool's compass flags with `flags`."""
    tools = tools_for_step(step_key) if step_key else (all_tools() if summaries else [])
    budget = SUMMARY_QUERIES * len(tools)
    if flags:
        budget += FLAG_QUERIES * sum(1 for tool in all_tools() if tool.compass_flags)
    return budget
