import * as React from 'react';
import { Box, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { type Centre, newProfilePath, profilePath, starsOf } from './centres';

interface Coverage {
  total: number;
  withoutProfile: Centre[];
  withoutEnglish: Centre[];
}

/** Which centres have no profile (or no English one), each with a link that starts it. */
export function CoveragePage() {
  const { get } = useFetchClient();
  const [coverage, setCoverage] = React.useState<Coverage | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  React.useEffect(() => {
    get('/centre-picker/coverage')
      .then(({ data }) => setCoverage(data.data as Coverage))
      .catch((error: any) => setFailure(error?.response?.data?.error?.message ?? '暂时无法读取中心列表,请稍后再试。'));
  }, [get]);

  return (
    <Main>
      <Layouts.Header
        title="简介覆盖"
        subtitle={coverage ? `共 ${coverage.total} 个中心,${coverage.withoutProfile.length} 个还没有简介,${coverage.withoutEnglish.length} 份简介还没有英文版` : '正在读取……'}
      />
      <Layouts.Content>
        {failure ? <Typography textColor="danger600">{failure}</Typography> : null}
        {coverage ? (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <CentreTable caption="还没有简介的中心" centres={coverage.withoutProfile} action={(centre) => <Link to={newProfilePath(centre.code)}>新建简介</Link>} />
            <CentreTable
              caption="还没有英文版的简介"
              centres={coverage.withoutEnglish}
              action={(centre) => (centre.profile ? <Link to={profilePath(centre.profile.documentId).replace('zh-Hans', 'en')}>翻译成英文</Link> : null)}
            />
          </Flex>
        ) : null}
      </Layouts.Content>
    </Main>
  );
}

function CentreTable({ caption, centres, action }: { caption: string; centres: Centre[]; action(centre: Centre): React.ReactNode }) {
  return (
    <Box>
      <Typography variant="delta" tag="h2">
        {caption}({centres.length})
      </Typography>
      <Table colCount={5} rowCount={centres.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">中心名称</Typography></Th>
            <Th><Typography variant="sigma">中心代码</Typography></Th>
            <Th><Typography variant="sigma">所在地区</Typography></Th>
            <Th><Typography variant="sigma">星级</Typography></Th>
            <Th><Typography variant="sigma">操作</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {centres.map((centre) => (
            <Tr key={centre.code}>
              <Td><Typography>{centre.name}</Typography></Td>
              <Td><Typography>{centre.code}</Typography></Td>
              <Td><Typography>{centre.region.name}</Typography></Td>
              <Td><Typography>{starsOf(centre)}</Typography></Td>
              <Td>{action(centre)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
}
