from django.urls import path

from service_model.views import agenda, aggregates, client, meetings, week

app_name = "service_model"

urlpatterns = [
    path("viikko/", week.my_week, name="my_week"),
    path("viikko/vienti/", week.my_week_export, name="my_week_export"),
    path("asiakas/<int:pk>/", client.client, name="client"),
    path("asiakas/<int:pk>/varaa/", meetings.book, name="book"),
    path("asiakas/<int:pk>/varaa/tarkista/", meetings.book_check, name="book_check"),
    path("asiakas/<int:pk>/kirjaa/", meetings.walk_in, name="walk_in"),
    path("tapaaminen/<int:pk>/", meetings.record, name="record"),
    path("tapaaminen/<int:pk>/siirra/", agenda.move, name="move"),
    path("kalenteri/", agenda.agenda, name="agenda"),
    path("kalenteri/<int:pk>/", agenda.counsellor_agenda, name="counsellor_agenda"),
    path("kalenteri/<int:pk>/tyoaika/", agenda.hours, name="working_hours"),
    path("seuranta/", aggregates.overview, name="overview"),
    path("seuranta/vienti/<slug:table>/", aggregates.overview_export, name="overview_export"),
    path("ajallaan/", aggregates.on_time, name="on_time"),
    path("ajallaan/vienti/", aggregates.on_time_export, name="on_time_export"),
]
