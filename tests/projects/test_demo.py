from wijkkoers.projects.demo import PROGRESS, create_demo_project
from wijkkoers.projects.models import StepProgress


def test_demo_project_passes_every_service_rule(alice, bob, mila, method):
    project = create_demo_project(alice, bob, mila)

    assert StepProgress.objects.filter(project=project).count() == len(PROGRESS)
    assert create_demo_project(alice, bob, mila) == project
