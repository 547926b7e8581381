import * as React from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { type Centre, profilePath, starsOf } from './centres';

interface Props {
  name: string;
  value?: string | null;
  onChange(name: string, value: string | null): void;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

/**
 * A centre chosen by its name (type-ahead on Chinese names, or a whole code): the value stays
 * the centre's code; its name, stars and region show beside it. A centre that already has a
 * profile says so, with a link to it.
 */
export function CentreInput({ name, value, onChange, label, hint, error, required, disabled }: Props) {
  const { get } = useFetchClient();
  const [query, setQuery] = React.useState('');
  const [results, setResults] = React.useState<Centre[]>([]);
  const [chosen, setChosen] = React.useState<Centre | null>(null);

  // A new profile opened from the coverage page arrives with ?centreCode=…
  React.useEffect(() => {
    const fromPage = new URLSearchParams(window.location.search).get('centreCode');
    if (!value && fromPage) onChange(name, fromPage);
    // Only on opening the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  React.useEffect(() => {
    if (!value) {
      setChosen(null);
      return;
    }
    if (chosen?.code === value) return;
    let current = true;
    get('/centre-picker/centres', { params: { q: value } })
      .then(({ data }) => current && setChosen((data.data as Centre[])[0] ?? null))
      .catch(() => current && setChosen(null));
    return () => {
      current = false;
    };
  }, [value, chosen, get]);

  React.useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setResults([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      get('/centre-picker/centres', { params: { q } })
        .then(({ data }) => current && setResults(data.data as Centre[]))
        .catch(() => current && setResults([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, get]);

  const choose = (centre: Centre) => {
    setChosen(centre);
    setQuery('');
    setResults([]);
    onChange(name, centre.code);
  };
  const otherProfile = chosen?.profile && !window.location.pathname.includes(chosen.profile.documentId) ? chosen.profile : null;

  return (
    <Field.Root name={name} hint={hint} error={error} required={required}>
      <Field.Label>{label}</Field.Label>
      {value ? (
        <Box padding={3} hasRadius borderColor="neutral200" background="neutral100" marginBottom={2} data-testid="centre-picker-chosen">
          <Typography fontWeight="bold">{chosen?.name ?? '(API 中找不到这个中心)'}</Typography>{' '}
          <Typography textColor="neutral600">
            {value}
            {chosen ? ` · ${starsOf(chosen)} · ${chosen.region.name}` : ''}
          </Typography>
          {otherProfile ? (
            <Typography textColor="danger600" tag="p">
              这个中心已有简介「{otherProfile.title}」,一个中心只能有一份:<Link to={profilePath(otherProfile.documentId)}>打开它</Link>
            </Typography>
          ) : null}
        </Box>
      ) : null}
      <TextInput
        placeholder={value ? '输入名称或代码,换一个中心' : '输入中心名称或代码搜索,如 高仓 或 530402901000-01'}
        value={query}
        disabled={disabled}
        aria-label="搜索党群服务中心"
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setQuery(event.target.value)}
      />
      {results.length > 0 ? (
        <Flex direction="column" alignItems="stretch" gap={1} marginTop={1} role="listbox" aria-label="搜索结果">
          {results.map((centre) => (
            <Button key={centre.code} variant="tertiary" role="option" onClick={() => choose(centre)} fullWidth justifyContent="flex-start">
              {centre.name} · {centre.code} · {starsOf(centre)}
              {centre.profile ? ` · 已有简介` : ''}
            </Button>
          ))}
        </Flex>
      ) : query.trim() !== '' ? (
        <Typography textColor="neutral600" variant="pi">没有找到匹配的中心</Typography>
      ) : null}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}
