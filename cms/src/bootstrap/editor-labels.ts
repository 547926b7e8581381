import type { Core } from '@strapi/strapi';

// The list view's column title, when it differs from the edit label.
type Field = [label: string, description: string, listLabel?: string];

interface View {
  /** Chinese label and one-line description of every field, shown above and below its input. */
  fields: Record<string, Field>;
  /** The field that names an entry: the edit page's heading and the text shown in relations. */
  mainField?: string;
  /** List view columns, left to right (Strapi adds the status column of drafts by itself). */
  list?: string[];
}

const CENTRE_CODE: Field = ['党群服务中心', '输入中心名称或代码搜索并选择;保存的是中心代码,格式为 12 位区划代码-2 位序号,如 530402901000-01', '中心代码'];

/**
 * The content manager keeps field labels, descriptions and list columns in its stored
 * configuration (the "configure the view" page), which it builds from attribute names. This
 * writes them on every start, so an editor sees Chinese whatever a database already holds.
 */
export const EDITOR_VIEWS: Record<string, View> = {
  'api::centre-profile.centre-profile': {
    mainField: 'title',
    list: ['title', 'centreCode'],
    fields: {
      centreCode: CENTRE_CODE,
      title: ['中心名称', '简介的标题,一般就是中心全称,如 红塔区高仓街道党群服务中心'],
      summary: ['摘要', '一两句话介绍中心,显示在卡片和列表上,最多 1000 字'],
      body: ['正文', '中心简介的正文,可分段、加小标题和图片'],
      cover: ['封面图', '卡片顶部的图片;请在媒体库中为它填写替代文字(图片说明)'],
      gallery: ['图集', '更多中心照片,可选多张'],
      highlights: ['亮点数据', '卡片上展示的数字,如 服务群众 4738 人次'],
      brandProgrammes: ['服务品牌', '中心开展的服务品牌,如 六心服务、仪凤公开课'],
      seo: ['搜索与分享', '搜索引擎和链接预览使用的标题、描述和图片;可不填'],
      updatedAt: ['更新时间', ''],
    },
  },
  'api::brand-programme.brand-programme': {
    mainField: 'name',
    list: ['name', 'slug'],
    fields: {
      name: ['品牌名称', '服务品牌的名称,如 六心服务'],
      slug: ['网址名', '用于网址的英文或拼音短名,如 liuxin-fuwu;只能用小写字母、数字和连字符'],
      summary: ['摘要', '一两句话介绍这个品牌,最多 1000 字'],
      body: ['正文', '品牌介绍的正文'],
      modules: ['服务模块', '品牌下的组成部分,如 六心服务 的 红心铸魂'],
      logo: ['品牌标志', '品牌的标志图片'],
      centres: ['开展的中心', '开展这个品牌的党群服务中心'],
      centreProfiles: ['中心简介', '关联这个品牌的中心简介(在中心简介中编辑)'],
      showcaseArticles: ['展播文章', '提到这个品牌的展播文章(在文章中编辑)'],
      updatedAt: ['更新时间', ''],
    },
  },
  'api::showcase-article.showcase-article': {
    mainField: 'title',
    list: ['title', 'series', 'publishedDate'],
    fields: {
      title: ['标题', '文章标题,如 “星”服务·致美好|星级党群服务中心展播3'],
      slug: ['网址名', '根据标题自动生成拼音,可修改;只能用小写字母、数字和连字符,不能与其他文章重复'],
      summary: ['摘要', '一两句话概括文章,显示在列表和分享卡片上'],
      body: ['正文', '文章正文'],
      cover: ['封面图', '文章顶部的图片;发布前请在媒体库中为它填写替代文字(图片说明)'],
      series: ['栏目', '文章所属的系列,如 星级党群服务中心展播'],
      episode: ['期数', '在栏目中的第几期,从 1 开始'],
      centres: ['介绍的中心', '文章介绍的党群服务中心'],
      brandProgrammes: ['服务品牌', '文章提到的服务品牌'],
      source: ['来源', '文章出处,如 玉溪市委组织部'],
      author: ['作者', '作者或供稿人'],
      publishedDate: ['发布日期', '列表按它从新到旧排序;留空则取第一次发布的日期'],
      updatedAt: ['更新时间', ''],
    },
  },
};

export const COMPONENT_VIEWS: Record<string, View> = {
  'shared.centre-ref': { mainField: 'centreCode', fields: { centreCode: CENTRE_CODE } },
  'shared.highlight': {
    mainField: 'label',
    fields: {
      label: ['名称', '数字说明的是什么,如 服务群众'],
      value: ['数值', '一个数字,如 4738'],
      unit: ['单位', '数字的单位,如 人次;可不填'],
    },
  },
  'shared.seo': {
    mainField: 'metaTitle',
    fields: {
      metaTitle: ['搜索标题', '搜索结果和分享卡片中显示的标题,最多 60 字'],
      metaDescription: ['搜索描述', '搜索结果中显示的描述,最多 160 字'],
      shareImage: ['分享图片', '链接被分享时显示的图片'],
    },
  },
  'programme.module': {
    mainField: 'name',
    fields: {
      name: ['模块名称', '如 红心铸魂'],
      description: ['模块介绍', '这个模块做什么'],
    },
  },
};

export async function applyEditorLabels(strapi: Core.Strapi): Promise<void> {
  const contentManager = strapi.plugin('content-manager');
  const contentTypes = contentManager.service('content-types');
  const components = contentManager.service('components');
  for (const [uid, view] of Object.entries(EDITOR_VIEWS)) {
    const model = contentTypes.findContentType(uid);
    await contentTypes.updateConfiguration(model, withView(await contentTypes.findConfiguration(model), view));
  }
  for (const [uid, view] of Object.entries(COMPONENT_VIEWS)) {
    const model = components.findComponent(uid);
    await components.updateConfiguration(model, withView(await components.findConfiguration(model), view));
  }
}

// What a relation shows of the entry it links to.
const RELATION_TITLES: Record<string, string> = { brandProgrammes: 'name', centreProfiles: 'title', showcaseArticles: 'title' };

function withView(configuration: any, view: View) {
  const metadatas = { ...configuration.metadatas };
  for (const [name, [label, description, listLabel = label]] of Object.entries(view.fields)) {
    const current = metadatas[name] ?? { edit: {}, list: {} };
    const edit = { ...current.edit, label, description, ...(RELATION_TITLES[name] ? { mainField: RELATION_TITLES[name] } : {}) };
    metadatas[name] = { edit, list: { ...current.list, label: listLabel } };
  }
  return {
    settings: { ...configuration.settings, ...(view.mainField ? { mainField: view.mainField } : {}) },
    metadatas,
    layouts: { ...configuration.layouts, ...(view.list ? { list: view.list } : {}) },
  };
}
