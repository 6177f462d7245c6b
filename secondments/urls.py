app_name = "secondments"

urlpatterns = []
