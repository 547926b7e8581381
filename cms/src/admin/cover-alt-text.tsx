import { Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';

interface Media {
  name?: string;
  alternativeText?: string | null;
}

/** A cover with no alternative text (or just its file name) says nothing to a screen reader. */
export function lacksAltText(cover: Media | null | undefined): boolean {
  if (!cover) return false;
  const alt = cover.alternativeText?.trim() ?? '';
  return alt === '' || alt === cover.name;
}

/**
 * A side panel on profiles and articles, shown while the cover in the form has no alternative
 * text: a warning before publishing, not a refusal (the cover may be decorative).
 */
export function CoverAltTextPanel({ model }: { model: string }) {
  const cover = useForm('CoverAltTextPanel', (state: any) => state.values?.cover) as Media | null | undefined;
  if (!model.startsWith('api::') || !lacksAltText(cover)) {
    return null;
  }
  return {
    title: '封面图缺少替代文字',
    content: (
      <Typography variant="omega" textColor="warning700" data-testid="cover-alt-warning">
        封面图「{cover?.name}」还没有替代文字,读屏软件和图片加载失败时都会用到它。发布前请在封面图上点“编辑”(铅笔图标),
        在“替代文字”中用一句话描述图片,如:高仓街道党群服务中心外景。
      </Typography>
    ),
  };
}
CoverAltTextPanel.type = 'cover-alt-text';
