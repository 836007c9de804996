from django.conf import settings
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wijkkoers.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("taal/", set_language, name="set_language"),
    path("over/", core_views.info_page("core/about.html"), name="about"),
    path("privacy/", core_views.info_page("core/privacy.html"), name="privacy"),
    path("contact/", core_views.info_page("core/contact.html"), name="contact"),
    path("licentie/", core_views.info_page("core/licence.html"), name="licence"),
    path(
        "toegankelijkheid/",
        core_views.info_page("core/accessibility.html"),
        name="accessibility",
    ),
    path("projecten/<str:project_id>/logboek/", include("wijkkoers.logbook.urls")),
    path("projecten/<str:project_id>/instrumenten/", include("wijkkoers.tools.urls")),
    path(
        "projecten/<str:project_id>/instrumenten/belanghebbenden/",
        include("wijkkoers.stakeholders.urls"),
    ),
    path("projecten/<str:project_id>/instrumenten/doelen/", include("wijkkoers.goals.urls")),
    path("projecten/<str:project_id>/instrumenten/rollen/", include("wijkkoers.raci.urls")),
    path(
        "projecten/<str:project_id>/instrumenten/woonlasten/",
        include("wijkkoers.housingcost.urls"),
    ),
    path(
        "projecten/<str:project_id>/instrumenten/koppelkansen/",
        include("wijkkoers.opportunities.urls"),
    ),
    path("projecten/<str:project_id>/export/", include("wijkkoers.exports.urls")),
    # Before "projecten/": importeren/ would otherwise read as a project id.
    path("", include("wijkkoers.exports.urls_site")),
    path("api/", include("wijkkoers.api.urls")),
    path("projecten/", include("wijkkoers.projects.urls")),
    path("account/api-tokens/", include("wijkkoers.api.account_urls")),
    path("account/", include("wijkkoers.accounts.urls")),
    path("account/", include("allauth.urls")),
    # One login for the whole site: Wagtail's login and password reset go to allauth's.
    path("cms/login/", core_views.to_account_page("account_login")),
    re_path(r"^cms/password_reset/", core_views.to_account_page("account_reset_password")),
    path("cms/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.views.static import serve

    # Development serves the CMS's media, never the logbook's files: those go out only
    # through the members-only download views (everything under logbook/ stays private).
    urlpatterns += [
        re_path(
            r"^media/(?!logbook/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
    urlpatterns += [
        path("404/", core_views.page_not_found_preview),
        path("500/", core_views.server_error_preview),
    ]

# Wagtail serves the method pages; it comes last so it catches what nothing else claims.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = "wijkkoers.core.views.page_not_found"
handler500 = "wijkkoers.core.views.server_error"
