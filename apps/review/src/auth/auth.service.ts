import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import bcrypt from 'bcryptjs';
import type { Repository } from 'typeorm';

import { AuthException } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import { JwtTokenService } from './jwt-token.service';
import { UserEntity } from './user.entity';

/** A precomputed hash so an unknown user costs as much time as a wrong password. */
const DUMMY_HASH = '$2b$10$EdfqNF1QTd9BGMjbvVKYWeR41LEKR4QrH3u93JBAIgM98dMybjJ8m';

export interface LoginResult {
  token: string;
  user: AuthenticatedUser & { displayName: string };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: JwtTokenService,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.users.findOne({ where: { username } });
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      throw AuthException.invalidCredentials();
    }
    const who: AuthenticatedUser = { id: user.id, username: user.username, role: user.role };
    return { token: this.tokens.sign(who), user: { ...who, displayName: user.displayName } };
  }
}
