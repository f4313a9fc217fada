from tests.service_model.conftest import client_of, counsellor, today  # noqa: F401  (fixtures shared with service_model)
