app_name = "raci"
urlpatterns: list = []
