app_name = "opportunities"
urlpatterns: list = []
