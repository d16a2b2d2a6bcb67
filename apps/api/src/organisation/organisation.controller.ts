import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { STAFF_DIRECTORY_ROLES, type Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { CreateDepartmentDto, CreateUserDto, UpdateDepartmentDto, UpdateUserDto } from './organisation.dto';
import { OrganisationService } from './organisation.service';
import { ApiErrors } from '../common/api-responses';
import { OrgDepartmentListView, OrgDepartmentView, OrgHistoryView, OrgUserListView, OrgUserView } from './organisation.views';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('org')
export class OrganisationController {
  constructor(@Inject(OrganisationService) private readonly organisation: OrganisationService) {}

  @ApiOkResponse({ type: OrgDepartmentListView })
  @Get('departments')
  departments() {
    return this.organisation.departments();
  }

  /** The audit history of one department, newest first (what changed, by whom, before and after). */
  @ApiErrors(404)
  @ApiOkResponse({ type: OrgHistoryView })
  @Get('departments/:code/history')
  @Roles('admin', 'supervisor')
  departmentHistory(@Param('code') code: string) {
    return this.organisation.history('department', code);
  }

  @ApiErrors(409)
  @ApiCreatedResponse({ type: OrgDepartmentView })
  @Post('departments')
  @Roles('admin')
  createDepartment(@CurrentActor() actor: Actor, @Body() body: CreateDepartmentDto, @RequestId() requestId?: string) {
    return this.organisation.createDepartment(actor, body, requestId);
  }

  @ApiErrors(404, 409)
  @ApiOkResponse({ type: OrgDepartmentView })
  @Patch('departments/:code')
  @Roles('admin')
  updateDepartment(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: UpdateDepartmentDto, @RequestId() requestId?: string) {
    return this.organisation.updateDepartment(actor, code, body, requestId);
  }

  @ApiOkResponse({ type: OrgUserListView })
  @Get('users')
  @Roles(...STAFF_DIRECTORY_ROLES)
  users() {
    return this.organisation.users();
  }

  /** The audit history of one user's account and role assignments, newest first. */
  @ApiErrors(404)
  @ApiOkResponse({ type: OrgHistoryView })
  @Get('users/:username/history')
  @Roles(...STAFF_DIRECTORY_ROLES)
  userHistory(@Param('username') username: string) {
    return this.organisation.history('user', username);
  }

  @ApiErrors(409)
  @ApiCreatedResponse({ type: OrgUserView })
  @Post('users')
  @Roles('admin')
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserDto, @RequestId() requestId?: string) {
    return this.organisation.createUser(actor, body, requestId);
  }

  @ApiErrors(404, 409)
  @ApiOkResponse({ type: OrgUserView })
  @Patch('users/:username')
  @Roles('admin')
  updateUser(@CurrentActor() actor: Actor, @Param('username') username: string, @Body() body: UpdateUserDto, @RequestId() requestId?: string) {
    return this.organisation.updateUser(actor, username, body, requestId);
  }
}
