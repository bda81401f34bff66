/* An existing photo's thumbnail in the form, once its file has loaded.
 *
 * Decap's image widget asks for the thumbnail once, when the field appears
 * (decap-cms-widget-file, withFileControl.js: Image's useEffect on value and getAsset). On an
 * entry just opened the photo is still loading then, and Decap answers with an empty SVG
 * ("empty.svg"); nothing asks again until the entry changes, so the officer saw an empty
 * checkerboard for every photo of the entry. This wraps the widget: while one of its photos is
 * still the empty SVG it asks again (every 200 ms, for at most 20 s), and once each has its real
 * file it gives Decap's widget a new getAsset, which makes it fetch the thumbnail again.
 * Loaded after Decap's bundle, before heritage-cms.js (which calls CMS.init()).
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h || !window.createClass || window.top !== window.self) return;
  var image = CMS.getWidget("image");
  if (!image) return;
  var Control = image.control;
  var EMPTY = "empty.svg"; // Decap's stand-in while a file loads (decap-cms-core actions/media.ts)
  var EVERY = 200;
  var TRIES = 100;

  function paths(value) {
    if (!value) return [];
    if (typeof value === "string") return [value];
    return typeof value.toArray === "function" ? value.toArray().filter(function (v) { return typeof v === "string"; }) : [];
  }

  var Thumbnails = window.createClass({
    getInitialState: function () { return { round: 0 }; },
    componentDidMount: function () { this.watch(); },
    componentDidUpdate: function (previous) {
      if (previous.value !== this.props.value || previous.getAsset !== this.props.getAsset) this.watch();
    },
    componentWillUnmount: function () { this.gone = true; clearTimeout(this.timer); },
    // Decap's Widget reads these from the control it holds (a ref): pass them on
    isValid: function () { return this.inner && this.inner.isValid ? this.inner.isValid() : true; },
    shouldComponentUpdate: function () { return true; },
    /** Asks until no photo of the field is Decap's empty stand-in, then renders once more. */
    watch: function () {
      var self = this;
      var tries = 0;
      clearTimeout(this.timer);
      function pending() {
        var p = self.props;
        return paths(p.value).some(function (path) {
          var asset = p.getAsset(path, p.field);
          return asset && asset.path === EMPTY;
        });
      }
      (function check() {
        if (self.gone) return;
        if (!pending()) {
          if (tries) self.setState({ round: self.state.round + 1 });
          return;
        }
        if (++tries < TRIES) self.timer = setTimeout(check, EVERY);
      })();
    },
    render: function () {
      var self = this;
      var p = this.props;
      var round = this.state.round;
      if (!this.bound || this.bound.round !== round || this.bound.base !== p.getAsset) {
        this.bound = { round: round, base: p.getAsset, get: function (value, field) { return self.props.getAsset(value, field); } };
      }
      return h(Control, Object.assign({}, p, { getAsset: this.bound.get, ref: function (ref) { self.inner = ref; } }));
    },
  });

  CMS.registerWidget("image", Thumbnails, image.preview, image.schema);
})();
