from django.urls import path

from cooperation.views import international, procurement, report, typ, youth

app_name = "cooperation"

urlpatterns = [
    path("", report.index, name="report"),
    path("vienti/<slug:table>/", report.export, name="export"),
    path("hankinta/", procurement.procurements, name="procurements"),
    path("hankinta/uusi/", procurement.procurement_create, name="procurement_create"),
    path("hankinta/<int:pk>/", procurement.procurement, name="procurement"),
    path("hankinta/tarpeet/", procurement.needs, name="needs"),
    path("hankinta/tarpeet/uusi/", procurement.need_create, name="need_create"),
    path("hankinta/tarpeet/<int:pk>/", procurement.need, name="need"),
    path("hankinta/kokoukset/", procurement.meetings, name="meetings"),
    path("hankinta/kokoukset/<int:pk>/", procurement.meeting, name="meeting"),
    path("hankinta/kokoukset/<int:pk>/kasittely/<int:item_pk>/", procurement.handle, name="handle"),
    path("hankinta/ohjaus/<int:jobseeker_pk>/", procurement.place_referral_create, name="place_referral_create"),
    path("hankinta/ohjaukset/<int:pk>/", procurement.place_referral, name="place_referral"),
    path("typ/", typ.overview, name="typ"),
    path("typ/<int:pk>/", typ.person, name="typ_person"),
    path("typ/<int:pk>/arvio/", typ.assess, name="typ_assess"),
    path("typ/<int:pk>/asiakkuus/", typ.open_client, name="typ_client"),
    path("typ/<int:pk>/asiakkuus/paata/", typ.end_client, name="typ_client_end"),
    path("typ/<int:pk>/suostumus/", typ.consent, name="typ_consent"),
    path("typ/<int:pk>/ohjaus/", typ.refer, name="typ_refer"),
    path("typ/suostumus/<int:pk>/peru/", typ.withdraw, name="consent_withdraw"),
    path("ohjaamo/", youth.youth_point, name="youth_point"),
    path("kumppanit/uusi/<int:jobseeker_pk>/", youth.partner_referral_create, name="partner_referral_create"),
    path("kumppanit/<int:pk>/", youth.partner_referral, name="partner_referral"),
    path("kv/", international.cases, name="recruitment"),
    path("kv/uusi/", international.case_create, name="case_create"),
    path("kv/vienti/", international.export, name="recruitment_export"),
    path("kv/<int:pk>/", international.case, name="case"),
    path("kv/<int:pk>/puoliso/", international.spouse_register, name="spouse_register"),
    path("kv/puoliso/<int:pk>/seuranta/", international.spouse_follow_up, name="spouse_follow_up"),
]
