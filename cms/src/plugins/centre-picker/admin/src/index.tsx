import { PinMap } from '@strapi/icons';

const PLUGIN_ID = 'centre-picker';

/** The admin half: the centre field for profiles and featured centres, and the coverage page. */
export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: '中心选择' });
    app.customFields.register({
      name: 'centre',
      pluginId: PLUGIN_ID,
      type: 'string',
      intlLabel: { id: `${PLUGIN_ID}.centre.label`, defaultMessage: '党群服务中心' },
      intlDescription: { id: `${PLUGIN_ID}.centre.description`, defaultMessage: '按名称或代码搜索并选择一个党群服务中心;保存的是它的代码' },
      icon: PinMap,
      components: { Input: async () => import('./CentreInput').then((module) => ({ default: module.CentreInput })) },
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PinMap,
      intlLabel: { id: `${PLUGIN_ID}.coverage.title`, defaultMessage: '简介覆盖' },
      Component: async () => import('./CoveragePage').then((module) => ({ default: module.CoveragePage })),
      permissions: [],
    });
  },
};
