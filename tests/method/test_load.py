"""load_method and export_method against the real content/ files."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from wijkkoers.method import files
from wijkkoers.method.models import (
    MethodIndexPage,
    PartyType,
    PhasePage,
    PracticeStory,
    StepLink,
    StepPage,
    Track,
)
from wijkkoers.method.services import export_method, load_method

from .conftest import CONTENT_DIR, SEED_KEY, add_step_file, content_counts


def _counts():
    return {
        "kompas": MethodIndexPage.objects.count(),
        "phases": PhasePage.objects.count(),
        "steps": StepPage.objects.count(),
        "links": StepLink.objects.count(),
        "tracks": Track.objects.count(),
        "parties": PartyType.objects.count(),
        "stories": PracticeStory.objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_load_method_loads_the_whole_method(method):
    assert MethodIndexPage.objects.get().slug == "kompas"
    counts = content_counts()
    assert PhasePage.objects.count() == counts.phases
    assert StepPage.objects.live().count() == counts.steps
    assert Track.objects.count() == counts.tracks
    assert PartyType.objects.count() == counts.parties
    assert PracticeStory.objects.count() == counts.stories
    assert set(StepPage.objects.values_list("key", flat=True)) == {
        files.parse_step(path.read_text()).key
        for path in (CONTENT_DIR / files.STEPS_DIR).glob("*.md")
    }


def test_load_method_twice_gives_the_same_pages(method):
    before = _counts()

    report = load_method(CONTENT_DIR)

    assert report.created == []
    assert report.updated == []
    assert report.errors == []
    assert _counts() == before
    keys = list(StepPage.objects.values_list("key", flat=True))
    assert len(keys) == len(set(keys))


def test_load_method_updates_a_changed_step_with_one_revision(method, content_copy):
    path = content_copy / files.STEPS_DIR / "1-02-helderheid-over-ambities.md"
    path.write_text(path.read_text().replace('titel: "Helderheid', 'titel: "Nieuwe helderheid'))
    revisions = Revision.objects.count()

    report = load_method(content_copy)

    assert report.updated == ["knooppunten/1-02-helderheid-over-ambities.md"]
    assert Revision.objects.count() == revisions + 1
    step = StepPage.objects.get(key=SEED_KEY)
    assert step.title.startswith("Nieuwe helderheid")
    assert step.live
    assert not step.has_unpublished_changes


def test_load_method_keeps_a_page_an_editor_created(method):
    phase = PhasePage.objects.get(number=1)
    extra = phase.add_child(
        instance=StepPage(
            title="Door redactie gemaakt",
            slug="redactie",
            key="redactie",
            number=99,
            subtitle="s",
            doel="d",
            aanpak="a",
        )
    )

    load_method(CONTENT_DIR)

    assert StepPage.objects.filter(pk=extra.pk, live=True).exists()


def test_load_method_creates_a_new_step_with_links(method, content_copy):
    add_step_file(content_copy, "extra-stap", phase=1, number=18)

    report = load_method(content_copy)

    assert report.created == ["knooppunten/1-18-extra-stap.md"]
    step = StepPage.objects.get(key="extra-stap")
    assert step.get_parent().specific.number == 1
    assert sorted(step.tracks.values_list("code", flat=True)) == ["B", "F"]
    assert step.links.get(kind="requires").target.key == SEED_KEY
    assert Revision.objects.filter(object_id=str(step.pk)).count() == 1


def test_load_method_names_bad_files_and_loads_the_rest(method, content_copy):
    steps = content_copy / files.STEPS_DIR
    (steps / "1-20-kapot.md").write_text("---\nsleutel: kapot\nfase: 1\n## Doel\n")
    add_step_file(content_copy, "onbekend-spoor", phase=1, number=21, tracks=("Z",))
    add_step_file(content_copy, "mist-stap", phase=1, number=22, related=("bestaat-niet",))
    add_step_file(content_copy, "onbekend-verhaal", phase=1, number=23, stories=("nergens",))
    add_step_file(content_copy, "onbekende-partij", phase=1, number=24, parties=("koning",))
    add_step_file(content_copy, "goede-stap", phase=1, number=25)
    seed = steps / "1-02-helderheid-over-ambities.md"
    seed.write_text(seed.read_text().replace("sporen: [B, C, F]", "sporen: [B, X]"))

    report = load_method(content_copy)

    problems = dict(report.errors)
    assert set(problems) == {
        "knooppunten/1-20-kapot.md",
        "knooppunten/1-21-onbekend-spoor.md",
        "knooppunten/1-22-mist-stap.md",
        "knooppunten/1-23-onbekend-verhaal.md",
        "knooppunten/1-24-onbekende-partij.md",
        "knooppunten/1-02-helderheid-over-ambities.md",
    }
    assert "front matter" in problems["knooppunten/1-20-kapot.md"]
    assert "'Z'" in problems["knooppunten/1-21-onbekend-spoor.md"]
    assert "'bestaat-niet'" in problems["knooppunten/1-22-mist-stap.md"]
    assert report.created == ["knooppunten/1-25-goede-stap.md"]
    assert not StepPage.objects.filter(key__in=["onbekend-spoor", "mist-stap", "kapot"]).exists()
    seed_tracks = StepPage.objects.get(key=SEED_KEY).tracks.values_list("code", flat=True)
    assert sorted(seed_tracks) == ["B", "C", "F"]  # the bad file changed nothing


def test_load_method_refuses_a_step_linking_to_a_refused_step(method, content_copy):
    add_step_file(content_copy, "kapotte-stap", phase=1, number=30, tracks=("Z",))
    add_step_file(content_copy, "volgt-kapotte", phase=1, number=31, leads_to=("kapotte-stap",))

    report = load_method(content_copy)

    assert {name for name, _ in report.errors} == {
        "knooppunten/1-30-kapotte-stap.md",
        "knooppunten/1-31-volgt-kapotte.md",
    }


def test_load_method_command_exits_non_zero_on_bad_files(method, content_copy, capsys):
    add_step_file(content_copy, "onbekend-spoor", phase=1, number=21, tracks=("Z",))

    with pytest.raises(CommandError):
        call_command("load_method", path=str(content_copy))

    assert "knooppunten/1-21-onbekend-spoor.md: onbekend spoor 'Z'" in capsys.readouterr().err


def test_load_method_command_reports_success(method, capsys):
    call_command("load_method", path=str(CONTENT_DIR))

    assert "0 nieuw, 0 bijgewerkt" in capsys.readouterr().out


def test_export_reproduces_the_content_files(method, tmp_path):
    export_method(tmp_path)

    for source in sorted(CONTENT_DIR.rglob("*")):
        if source.is_file() and source.name != "README.md":
            exported = tmp_path / source.relative_to(CONTENT_DIR)
            assert exported.read_bytes() == source.read_bytes(), source.name
    exported_names = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    source_names = {p.relative_to(CONTENT_DIR) for p in CONTENT_DIR.rglob("*") if p.is_file()}
    assert exported_names == source_names - {
        CONTENT_DIR.joinpath("README.md").relative_to(CONTENT_DIR)
    }


def test_export_then_load_changes_nothing(method, tmp_path):
    export_method(tmp_path)
    before = _counts()

    report = load_method(tmp_path)

    assert (report.created, report.updated, report.errors) == ([], [], [])
    assert _counts() == before


def test_export_writes_what_an_editor_published(method, tmp_path):
    step = StepPage.objects.get(key=SEED_KEY)
    step.subtitle = "Door de redactie herschreven"
    step.save_revision().publish()

    call_command("export_method", path=str(tmp_path))

    text = (tmp_path / files.STEPS_DIR / "1-02-helderheid-over-ambities.md").read_text()
    assert files.parse_step(text).subtitle == "Door de redactie herschreven"


def test_load_and_export_keep_a_steps_resources_in_order(method, content_copy, tmp_path):
    resources = (
        files.ResourceRecord("Tweede gids", "Uitgever B", "https://example.org/b"),
        files.ResourceRecord("Eerste gids", "Uitgever A", "https://example.org/a"),
    )
    path = add_step_file(content_copy, "met-bronnen", phase=1, number=18, resources=resources)

    assert not load_method(content_copy).errors

    step = StepPage.objects.get(key="met-bronnen")
    assert [(r.title, r.publisher, r.url) for r in step.resources.all()] == [
        ("Tweede gids", "Uitgever B", "https://example.org/b"),
        ("Eerste gids", "Uitgever A", "https://example.org/a"),
    ]
    export_method(tmp_path)
    exported = tmp_path / files.STEPS_DIR / path.name
    assert exported.read_bytes() == path.read_bytes()
    assert load_method(content_copy).updated == []


def test_load_method_updates_changed_resources(method, content_copy):
    resource = files.ResourceRecord("Gids", "Uitgever", "https://example.org/gids")
    add_step_file(content_copy, "met-bronnen", phase=1, number=18, resources=(resource,))
    load_method(content_copy)
    moved = files.ResourceRecord("Gids", "Uitgever", "https://example.org/nieuw")
    add_step_file(content_copy, "met-bronnen", phase=1, number=18, resources=(moved,))

    report = load_method(content_copy)

    assert report.updated == ["knooppunten/1-18-met-bronnen.md"]
    assert StepPage.objects.get(key="met-bronnen").resources.get().url == moved.url
