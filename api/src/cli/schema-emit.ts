import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSchema, printSchemaFile } from '../schema';

const target = path.resolve(__dirname, '../../../../schema/schema.graphql');

createSchema()
  .then((schema) => writeFile(target, printSchemaFile(schema)))
  .then(() => console.log('Wrote schema/schema.graphql'))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
