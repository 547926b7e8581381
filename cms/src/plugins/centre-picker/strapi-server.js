'use strict';

// Plain JavaScript: the CMS's TypeScript build leaves src/plugins out, and Strapi loads this file
// from where it is.
module.exports = require('./server');
