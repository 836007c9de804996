app_name = "housingcost"
urlpatterns: list = []
