import { z } from 'zod';
import { okBody } from '../../../shared/schemas/common.schema.ts';
import {
  addMemberBody,
  closeOrganisationBody,
  createGroupBody,
  createIndividualBody,
  createOrganisationBody,
  groupDto,
  groupMemberDto,
  groupsQuery,
  individualDto,
  individualsQuery,
  organisationDto,
  organisationsQuery,
} from '../../../shared/schemas/participants.schema.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import type { ParticipantsService } from './participants.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['Đối tượng tham gia'];

export function registerParticipantsRoutes(app: App, svc: ParticipantsService): void {
  app.get('/api/organisations', { schema: { tags, summary: 'Cơ quan, tổ chức, doanh nghiệp', querystring: organisationsQuery, response: { 200: z.array(organisationDto) } }, config: { permission: 'participants.read' } }, async (req) => svc.listOrganisations(req.query));
  app.post('/api/organisations', { schema: { tags, summary: 'Thêm cơ quan, tổ chức', body: createOrganisationBody, response: { 200: organisationDto } }, config: { permission: 'participants.write' } }, async (req) => svc.createOrganisation(principalOf(req), actorOf(req), req.body));
  app.post('/api/organisations/:id/close', { schema: { tags, summary: 'Kết thúc hoạt động (sáp nhập, giải thể)', params: idParams, body: closeOrganisationBody, response: { 200: organisationDto } }, config: { permission: 'participants.write' } }, async (req) => svc.closeOrganisation(principalOf(req), actorOf(req), req.params.id, req.body));
  app.get('/api/individuals', { schema: { tags, summary: 'Cá nhân (cán bộ giảm nghèo…) trong phạm vi', querystring: individualsQuery, response: { 200: z.array(individualDto) } }, config: { permission: 'participants.read' } }, async (req) => svc.listIndividuals(principalOf(req), req.query));
  app.post('/api/individuals', { schema: { tags, summary: 'Thêm cá nhân', body: createIndividualBody, response: { 200: individualDto } }, config: { permission: 'participants.write' } }, async (req) => svc.createIndividual(principalOf(req), actorOf(req), req.body));
  app.get('/api/emulation-groups', { schema: { tags, summary: 'Cụm, khối thi đua theo năm', querystring: groupsQuery, response: { 200: z.array(groupDto) } }, config: { permission: 'participants.read' } }, async (req) => svc.listGroups(req.query.year));
  app.post('/api/emulation-groups', { schema: { tags, summary: 'Lập cụm, khối thi đua', body: createGroupBody, response: { 200: groupDto } }, config: { permission: 'participants.write' } }, async (req) => svc.createGroup(principalOf(req), actorOf(req), req.body));
  app.post('/api/emulation-groups/:id/members', { schema: { tags, summary: 'Thêm thành viên cụm, khối', params: idParams, body: addMemberBody, response: { 200: groupMemberDto.omit({ name: true }) } }, config: { permission: 'participants.write' } }, async (req) => svc.addMember(principalOf(req), actorOf(req), req.params.id, req.body));
  app.delete('/api/emulation-groups/:id/members/:memberId', { schema: { tags, summary: 'Bỏ thành viên khỏi cụm, khối', params: z.object({ id: z.uuid(), memberId: z.uuid() }), response: { 200: okBody } }, config: { permission: 'participants.write' } }, async (req) => {
    await svc.removeMember(principalOf(req), actorOf(req), req.params.id, req.params.memberId);
    return { ok: true as const };
  });
}
