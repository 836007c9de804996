from django.http import HttpResponse
from django.urls import path


def bare(request):
    return HttpResponse("Wijkkoers bench: the bare Django view.\n", content_type="text/plain")


urlpatterns = [path("", bare)]
