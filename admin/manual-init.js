// Decap waits for heritage-cms.js to register the project's backend wrapper, widget and previews.
window.CMS_MANUAL_INIT = true;
