/** A small document of 2023 whose second task names no department (a doubt for the reviewer). */
export const CITY_2023 = `某市2023年城市更新重点任务

一、城市更新
（一）老旧小区改造
1．改造老旧小区1200个，新建停车位3000个。（市住建局负责）
2．新建口袋公园20个。
3．完成燃气管网改造500公里。（省发改委、省财政厅分别负责）
二、公共服务
（二）教育
4．新增学位8000个。（市教育局负责）
`;
