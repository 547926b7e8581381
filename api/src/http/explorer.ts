import path from 'node:path';
import express, { type Request, type Router } from 'express';

/**
 * A self-hosted GraphiQL: the page and every script and style come from this server,
 * so the explorer works with no internet connection.
 */
export function explorerRouter(): Router {
  const router = express.Router();
  const files: Record<string, string> = {
    'react.js': packageFile('react', 'umd/react.production.min.js'),
    'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
    'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
    'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
  };
  router.get('/explorer/:file', (req, res, next) => {
    const file = req.params.file;
    if (file === 'start.js') {
      res.type('application/javascript').send(START_SCRIPT);
      return;
    }
    const filePath = files[file];
    if (!filePath) {
      next();
      return;
    }
    res.sendFile(filePath, { maxAge: '1d', headers: { 'X-Content-Type-Options': 'nosniff' } });
  });
  router.get('/graphql', (req, res, next) => {
    if (!wantsExplorer(req)) {
      next();
      return;
    }
    res.type('html').set('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:").send(PAGE);
  });
  return router;
}

/** Files the packages ship but do not export: resolved from the package folder. */
function packageFile(packageName: string, file: string): string {
  const packageJson = require.resolve(`${packageName}/package.json`);
  return path.join(path.dirname(packageJson), file);
}

/** A browser navigating to /graphql, not a client sending a GET query. */
function wantsExplorer(req: Request): boolean {
  return req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html';
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Star Centres GraphQL explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.css">
<style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="explorer">Loading the GraphQL explorer…</div>
<script src="/explorer/react.js"></script>
<script src="/explorer/react-dom.js"></script>
<script src="/explorer/graphiql.js"></script>
<script src="/explorer/start.js"></script>
</body>
</html>
`;

const DEFAULT_QUERY = `# Star Centres: Yuxi's star-rated party-and-masses service centres.
# Press the run button (or Ctrl-Enter) to send the query.
query RatingOverview {
  ratingStatistics(year: 2024) {
    countyFiveStar
    countyFourStar
    countyThreeStar
    cityFiveStar
    byRegion { region { name } countyFiveStar cityFiveStar }
  }
  centres(first: 5, filter: { tier: CITY }) {
    totalCount
    edges { node { code name region { name } currentRating { stars tier } } }
  }
}
`;

const START_SCRIPT = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('explorer'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)} }));
})();
`;
