UPDATE app_user SET role = $role, departments = $departments WHERE id = $id
