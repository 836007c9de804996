/* Starts Swagger UI with the settings the page carries in data-settings (no inline script). */
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  var settings = JSON.parse(root.dataset.settings);
  settings.presets = [SwaggerUIBundle.presets.apis];
  settings.layout = "BaseLayout";
  window.ui = SwaggerUIBundle(settings);
})();
