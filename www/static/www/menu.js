// The menu button of a phone: opens and closes the header's tools and the main menu it names in aria-controls.
// A static file because the content security policy forbids inline scripts; without scripts (or on a wide screen)
// the menu is simply shown (see .menu-toggle in frontend/scss/main.scss).
(function () {
  "use strict";

  function targets(button) {
    return (button.getAttribute("aria-controls") || "")
      .split(/\s+/)
      .map(function (id) { return document.getElementById(id); })
      .filter(Boolean);
  }

  function set(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    targets(button).forEach(function (element) { element.classList.toggle("is-open", open); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".menu-toggle").forEach(function (button) {
      button.addEventListener("click", function () {
        set(button, button.getAttribute("aria-expanded") !== "true");
      });
      // Escape closes an open menu and gives the focus back to its button, as users of a disclosure expect.
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
          set(button, false);
          button.focus();
        }
      });
    });
  });
})();
