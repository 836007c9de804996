"""What the rest of the site asks of the tools: their state, per step or for the project.

A tool's summary and the compass flags are kept in the cache for the project as it is now
(`projects.freshness`): every write to the project gives it a new stamp, so they are
computed again after any change and otherwise once, not on every page.
"""

from dataclasses import dataclass

from wijkkoers.projects import freshness
from wijkkoers.tools.registry import Tool, ToolSummary, all_tools, tools_for_step


@dataclass(frozen=True)
class ToolState:
    tool: Tool
    summary: ToolSummary
    url: str


def _states(project, tools) -> list[ToolState]:
    by_key = {tool.key: tool for tool in tools}
    summaries = freshness.cached_many(
        project, "tool-summary", lambda key: by_key[key].summarise(project), list(by_key)
    )
    return [ToolState(tool, summaries[tool.key], tool.url(project)) for tool in tools]


def step_tools(project, step_key: str) -> list[ToolState]:
    """The tools that serve one step of the method, with the project's current state."""
    return _states(project, tools_for_step(step_key))


def project_tools(project) -> list[ToolState]:
    """Every tool with the project's current state (the tools page, briefing and report)."""
    return _states(project, all_tools())


def compass_flags(project) -> dict[str, list[str]]:
    """Warnings the tools raise per step (e.g. a RACI row without an A), step key -> texts."""
    return freshness.cached(project, "compass-flags", lambda: _compass_flags(project))


def _compass_flags(project) -> dict[str, list[str]]:
    flags: dict[str, list[str]] = {}
    for tool in all_tools():
        if tool.compass_flags is None:
            continue
        for step_key, text in tool.compass_flags(project).items():
            flags.setdefault(step_key, []).append(str(text))
    return flags
