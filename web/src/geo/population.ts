/**
 * Resident population of Guangdong's 21 cities by the 7th national census (第七次全国人口普查, 1 November 2020), from
 * 广东省统计局's census bulletin (广东省第七次全国人口普查公报); they add up to the province's 126,012,510. Public
 * statistics, used for the dashboard's events per 10,000 people.
 */
export const POPULATION_2020: Record<string, number> = {
  '440100': 18676605, '440200': 2855131, '440300': 17560061, '440400': 2439585, '440500': 5502031,
  '440600': 9498863, '440700': 4798090, '440800': 6981236, '440900': 6174050, '441200': 4113594,
  '441300': 6042852, '441400': 3873239, '441500': 2672819, '441600': 2837686, '441700': 2602959,
  '441800': 3969473, '441900': 10466625, '442000': 4418060, '445100': 2568387, '445200': 5577814,
  '445300': 2383350,
};
