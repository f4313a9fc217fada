from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include("tyollisyysalue.api_urls")),
    path("accounts/", include("accounts.urls")),
    path("organisaatio/", include("organisation.urls")),
    path("tarkastusloki/", include("audit.urls")),
    path("asiakkaat/", include("jobseekers.urls")),
    path("palvelumalli/", include("service_model.urls")),
    path("tilastot/", include("labour_market.urls")),
    path("tyonantajat/", include("employers.urls")),
    path("lausunnot/", include("statements.urls")),
    path("viestit/", include("correspondence.urls")),
    path("tuet/", include("subsidies.urls")),
    path("suunnittelu/", include("planning.urls")),
    path("osaaminen/", include("competence.urls")),
    path("suunnitelma/", include("plan_document.urls")),
    path("yhteistyo/", include("cooperation.urls")),
    path("tyonvalitys/", include("matching.urls")),
    path("", include("www.urls")),
]

handler403 = "www.views.permission_denied"
handler404 = "www.views.page_not_found"
handler500 = "www.views.server_error"
