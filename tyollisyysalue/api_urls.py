from common.api_root import EndpointListingRouter
from competence import api as competence_api
from cooperation import api as cooperation_api
from correspondence import api as correspondence_api
from employers import api as employers_api
from jobseekers import api as jobseekers_api
from jobseekers import journal_api
from labour_market import api as labour_market_api
from matching import api as matching_api
from organisation import api as organisation_api
from planning import api as planning_api
from service_model import api as service_model_api
from statements import api as statements_api
from subsidies import api as subsidies_api

# Its root lists every endpoint, also the actions outside the list routes (the worklist, the deadline calculator).
router = EndpointListingRouter()
# One URL per operation: format suffixes (.json) would double every route without adding anything.
router.include_format_suffixes = False
organisation_api.register(router)
labour_market_api.register(router)
jobseekers_api.register(router)
journal_api.register(router)
service_model_api.register(router)
correspondence_api.register(router)
subsidies_api.register(router)
statements_api.register(router)
employers_api.register(router)
matching_api.register(router)
planning_api.register(router)
competence_api.register(router)
cooperation_api.register(router)

urlpatterns = router.urls
