from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import otp
from accounts.forms import LoginForm

app_name = "accounts"

urlpatterns = [
    path(
        "kirjaudu/",
        auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("kirjaudu-ulos/", auth_views.LogoutView.as_view(), name="logout"),
    path("tunnistautuminen/", otp.second_factor, name="otp"),
]
