from rest_framework.routers import DefaultRouter

from organisation import api as organisation_api

router = DefaultRouter()
organisation_api.register(router)

urlpatterns = router.urls
