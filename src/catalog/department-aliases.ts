/**
 * Short forms of department names that people type, mapped to the canonical names the documents
 * use. Later uploads and searches accept either.
 */
export const DEPARTMENT_ALIASES: Record<string, string> = {
  省发改委: '省发展改革委',
  省发展和改革委员会: '省发展改革委',
  省住建厅: '省住房城乡建设厅',
  省住房和城乡建设厅: '省住房城乡建设厅',
  省人社厅: '省人力资源社会保障厅',
  省人力资源和社会保障厅: '省人力资源社会保障厅',
  省卫健委: '省卫生健康委',
  省卫生健康委员会: '省卫生健康委',
  省交通厅: '省交通运输厅',
  省生态厅: '省生态环境厅',
  省环保厅: '省生态环境厅',
  省农业厅: '省农业农村厅',
  省农委: '省农业农村厅',
  省自然厅: '省自然资源厅',
  省国土厅: '省自然资源厅',
  省文化和旅游厅: '省文旅厅',
  省文化旅游厅: '省文旅厅',
  省应急厅: '省应急管理厅',
  省编办: '省委编办',
  省医疗保障局: '省医保局',
  省政务服务和数字化建设管理局: '省政数局',
  省粮食局: '省粮食和物资储备局',
  省粮储局: '省粮食和物资储备局',
  省中医药局: '省中医药管理局',
  省爱国卫生运动委员会办公室: '省爱卫办',
  国家开发银行吉林省分行: '国开行吉林省分行',
  中国农业发展银行吉林省分行: '农发行吉林省分行',
};

/** The canonical name of a department: 省发改委 → 省发展改革委; an unknown name comes back unchanged. */
export function canonicalDepartment(name: string): string {
  const trimmed = name.trim();
  return DEPARTMENT_ALIASES[trimmed] ?? trimmed;
}
