/**
 * Stands in for `office-addin-manifest` under jest (jest.config.js, moduleNameMapper):
 * office-addin-mock imports it only for its list of hosts, and the real package's
 * dependencies reach an ESM-only module jest's CommonJS runtime cannot load.
 */
module.exports = {
  OfficeApp: { Excel: 'excel', Outlook: 'outlook', PowerPoint: 'powerpoint', Word: 'word' },
};
